package dev.squish.cli;

/** The exit codes of squish, stable so that scripts can rely on them. */
public enum ExitCode {
  /** Every file was written or deliberately skipped. */
  OK(0, "every file was written (or deliberately skipped)"),
  /** A bug in squish: an unexpected internal error. */
  INTERNAL_ERROR(1, "internal error (a bug in squish; run with --verbose and report it)"),
  /** Bad options or arguments; nothing was done. */
  USAGE(2, "bad usage: an unknown option or an invalid value; nothing was done"),
  /** Some files failed, the others were written. */
  SOME_FAILED(3, "some files failed, the others were written"),
  /** Every file failed (including the only one). */
  ALL_FAILED(4, "every file failed"),
  /** With --strict: nothing failed but some files were skipped. */
  SKIPPED_STRICT(5, "with --strict: files were skipped (and none failed)"),
  /** Interrupted (Ctrl-C): finished files stay, no partial file is left. */
  INTERRUPTED(130, "interrupted (Ctrl-C); finished files are kept, no partial file is left");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }
}

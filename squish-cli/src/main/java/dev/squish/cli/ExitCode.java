package dev.squish.cli;

/** The exit codes of squish, stable so that scripts can rely on them. */
public enum ExitCode {
  /** Every file was written or deliberately skipped. */
  OK(0, "every file was written or deliberately skipped (--skip-existing, --skip-if-larger, quality out of reach)"),
  /** A bug in squish: an unexpected internal error. */
  INTERNAL_ERROR(1, "internal error (a bug in squish; run with --verbose and report it)"),
  /** Bad options or arguments; nothing was done. */
  USAGE(2, "bad usage: an unknown option or an invalid value; nothing was done"),
  /** Some files failed, the others were written. */
  SOME_FAILED(3, "some files failed, the others were written or skipped"),
  /** Every file failed (including the only one). */
  ALL_FAILED(4, "every file failed (or the only one)"),
  /** With --strict: nothing failed but some files were skipped. */
  SKIPPED_STRICT(5, "with --strict: none failed but some were skipped"),
  /** Interrupted (Ctrl-C; 143 for SIGTERM): finished files stay, no partial file is left. */
  INTERRUPTED(130, "interrupted by Ctrl-C (143: by SIGTERM); finished files are kept, no partial or temporary"
      + " file is left");

  /**
   * The code for a finished run: failures first (some or all), then, under {@code --strict},
   * skips; otherwise OK. Deliberate skips are successes unless {@code strict}.
   */
  static ExitCode of(int written, int skipped, int failed, boolean strict) {
    if (failed > 0) {
      return written == 0 && skipped == 0 ? ALL_FAILED : SOME_FAILED;
    }
    if (skipped > 0 && strict) {
      return SKIPPED_STRICT;
    }
    return OK;
  }

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

package dev.squish.io.palette;

/**
 * A palette file (or colour list) could not be read or written. The message is one line for the
 * user: the file's name, then what is wrong with it, for example
 * {@code pal.hex: line 7: 'zzz' is not a colour (#rrggbb or #rrggbbaa)}.
 */
public final class PaletteFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String reason;

  /** A problem not yet tied to a file: {@link #in} names it. */
  PaletteFileException(String reason) {
    this(null, reason, null);
  }

  PaletteFileException(String name, String reason, Throwable cause) {
    super(name == null ? reason : name + ": " + reason, cause);
    this.reason = reason;
  }

  /** {@return what is wrong, without the file's name} */
  public String reason() {
    return reason;
  }

  /** The same problem, said of the file {@code name}. */
  PaletteFileException in(String name) {
    return new PaletteFileException(name, reason, getCause());
  }
}

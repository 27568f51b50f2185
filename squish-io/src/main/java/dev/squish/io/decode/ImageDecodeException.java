package dev.squish.io.decode;

import java.util.Objects;

/**
 * An image could not be decoded. The {@link #reason()} says which kind of problem it is, for
 * callers that answer differently (an exit code, an HTTP status); the message is one line that
 * says exactly what was wrong, written for the user (it does not repeat the file name; the caller
 * adds it).
 */
public final class ImageDecodeException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The kinds of decoding failure. */
  public enum Reason {
    /** The file has no bytes. */
    EMPTY,
    /** The bytes are not an image (text, or a format nobody recognises). */
    NOT_AN_IMAGE,
    /** An image in a format squish does not read (Photoshop, HEIC, ...), or no reader is installed. */
    UNSUPPORTED_FORMAT,
    /** The image declares more pixels than the limit, or the file is too large to read. */
    TOO_LARGE,
    /** The file is truncated or its data are corrupt. */
    CORRUPT,
    /** The file could not be read: missing, a folder, no permission, an I/O error. */
    UNREADABLE,
    /** Decoding ran out of memory. */
    OUT_OF_MEMORY
  }

  private final Reason reason;

  public ImageDecodeException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public ImageDecodeException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** What kind of problem it is. */
  public Reason reason() {
    return reason;
  }
}

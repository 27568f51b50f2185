package dev.squish.io.decode;

/**
 * An image could not be decoded: the file is missing, empty, corrupt, truncated, too large or
 * in a format squish does not read. The message is one line that says which, written for the
 * user (it does not repeat the file name; the caller adds it).
 */
public final class ImageDecodeException extends Exception {
  private static final long serialVersionUID = 1L;

  public ImageDecodeException(String message) {
    super(message);
  }

  public ImageDecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}

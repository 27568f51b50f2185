package dev.squish.web;

import dev.squish.io.decode.ImageDecodeException;

/**
 * A request that cannot be served, with the HTTP status and the one-line message the page shows.
 * Thrown by the handlers, turned into a JSON error response in one place ({@link WebServer}).
 */
final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** 400: a parameter is missing or out of range. */
  static final int BAD_REQUEST = 400;
  /** 403: a request sent by a page of another site. */
  static final int FORBIDDEN = 403;
  /** 404: no such page, or the image is no longer held. */
  static final int NOT_FOUND = 404;
  /** 405: wrong HTTP method. */
  static final int METHOD_NOT_ALLOWED = 405;
  /** 409: the request was overtaken by a newer one for the same image. */
  static final int CONFLICT = 409;
  /** 413: the upload has too many bytes or the image too many pixels. */
  static final int TOO_LARGE = 413;
  /** 415: the upload is not an image format squish reads. */
  static final int UNSUPPORTED = 415;
  /** 421: the request names another host (a DNS-rebinding attempt or a proxy). */
  static final int MISDIRECTED = 421;
  /** 422: the upload looks like an image but cannot be decoded (truncated, corrupt). */
  static final int UNPROCESSABLE = 422;
  /** 500: the server failed to read what it was sent (an I/O error on its side). */
  static final int INTERNAL = 500;
  /** 503: every worker is busy for longer than the queue allows, or the server ran out of memory. */
  static final int BUSY = 503;

  /** Seconds a client is asked to wait (Retry-After) before it tries again after a 503. */
  static final int RETRY_AFTER_SECONDS = 1;

  private final int status;
  private final int retryAfterSeconds;

  /**
   * The answer to an upload that does not decode, named {@code name}: the one place a decoding failure becomes a
   * status.
   */
  static HttpError of(ImageDecodeException e, String name) {
    int status = switch (e.reason()) {
      case EMPTY -> BAD_REQUEST;
      case NOT_AN_IMAGE, UNSUPPORTED_FORMAT -> UNSUPPORTED;
      case TOO_LARGE -> TOO_LARGE;
      case CORRUPT -> UNPROCESSABLE;
      case UNREADABLE -> INTERNAL;
      case OUT_OF_MEMORY -> BUSY;
    };
    return new HttpError(status, name + ": " + e.getMessage());
  }

  HttpError(int status, String message) {
    this(status, message, status == BUSY ? RETRY_AFTER_SECONDS : 0);
  }

  /** An error whose answer carries {@code Retry-After: retryAfterSeconds} (none when 0). */
  HttpError(int status, String message, int retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  int status() {
    return status;
  }

  /** Seconds for the Retry-After header, 0 for none. */
  int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}

package dev.squish.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Reading an upload's body within the byte limit. */
final class Uploads {
  private Uploads() {}

  /**
   * Most bytes of a body of unknown length read after refusing it: enough for a browser to get the
   * answer rather than a reset connection, while an endless body cannot hold a thread.
   */
  static final long DISCARD_MAX = 16L << 20;

  /** Whose limit an upload is over, in the message: the server's own (set by {@code --max-upload-mb}). */
  static final String SERVER_LIMIT = "this server's limit";

  /**
   * Refuses with 413, before any worker is taken, a body whose declared length is over {@code
   * limit}. A body up to twice the limit is read first (a browser that is cut off while sending
   * shows a network error instead of the answer); a larger one is not read at all.
   */
  static void checkDeclared(HttpExchange ex, long limit) {
    checkDeclared(ex, limit, SERVER_LIMIT);
  }

  /** {@link #checkDeclared(HttpExchange, long)}, the message ending with {@code whose} limit it is. */
  static void checkDeclared(HttpExchange ex, long limit, String whose) {
    long length = declaredLength(ex);
    if (length > limit) {
      if (length <= 2 * limit) {
        discard(ex, length);
      }
      throw tooLarge(length, limit, whose);
    }
  }

  /**
   * The body of {@code ex}, at most {@code limit} bytes; a larger one is refused with 413 (after
   * reading at most {@link #DISCARD_MAX} more of one of unknown length).
   */
  static byte[] read(HttpExchange ex, long limit) throws IOException {
    byte[] data = read(ex, limit, SERVER_LIMIT);
    if (data.length == 0) {
      throw new HttpError(HttpError.BAD_REQUEST, "the upload is empty: send the image file as the request body");
    }
    return data;
  }

  /**
   * The body of {@code ex}, at most {@code limit} bytes, perhaps empty; a larger one is refused with
   * 413, the message ending with {@code whose} limit it is.
   */
  static byte[] read(HttpExchange ex, long limit, String whose) throws IOException {
    long length = declaredLength(ex);
    return IoDeadlines.during(length > 0 ? length : limit, () -> readBody(ex, length, limit, whose));
  }

  private static byte[] readBody(HttpExchange ex, long length, long limit, String whose) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      if (length > limit) {
        throw tooLarge(length, limit, whose); // checkDeclared read what was worth reading
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(length > 0 ? (int) length : 1 << 16);
      byte[] buf = new byte[1 << 16];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total > limit) {
          discard(ex, DISCARD_MAX);
          throw tooLarge(total, limit, whose);
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }

  /**
   * Reads what is left of a refused request's body when it is small (declared at most {@link
   * #DISCARD_MAX} bytes, or of unknown length, up to that much), so that the client gets the answer.
   */
  static void discardRest(HttpExchange ex) {
    long length;
    try {
      length = declaredLength(ex);
    } catch (HttpError e) {
      return;
    }
    if (length <= DISCARD_MAX) {
      discard(ex, DISCARD_MAX);
    }
  }

  /** Reads and drops at most {@code max} bytes of what is left of the body. */
  private static void discard(HttpExchange ex, long max) {
    long declared;
    try {
      declared = declaredLength(ex);
    } catch (HttpError e) {
      declared = -1;
    }
    // the time allowed follows what is to be read, not the most that would be
    long expected = declared >= 0 ? Math.min(declared, max) : max;
    try {
      IoDeadlines.during(expected, () -> {
        InputStream in = ex.getRequestBody();
        byte[] buf = new byte[1 << 16];
        long left = max;
        for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; ) {
          left -= n;
        }
        return null;
      });
    } catch (IOException e) {
      // the client went away; the answer may still get through
    }
  }

  private static long declaredLength(HttpExchange ex) {
    String declared = ex.getRequestHeaders().getFirst("Content-Length");
    if (declared == null) {
      return -1;
    }
    try {
      return Long.parseLong(declared.trim());
    } catch (NumberFormatException e) {
      throw new HttpError(HttpError.BAD_REQUEST, "bad Content-Length: " + declared);
    }
  }

  private static HttpError tooLarge(long bytes, long limit, String whose) {
    return new HttpError(HttpError.TOO_LARGE, String.format(Locale.ROOT, "the file is %s, more than %s of %s",
        size(bytes), whose, size(limit)) + (whose.equals(SERVER_LIMIT) ? " (squish serve --max-upload-mb)" : ""));
  }

  static String size(long bytes) {
    if (bytes >= 1 << 20) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
    return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
  }
}

package dev.squish.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

/** Reading an upload's body within the byte limit. */
final class Uploads {
  private Uploads() {}

  /**
   * The body of {@code ex}, at most {@code limit} bytes; a larger one is read to its end (so that
   * the client gets the answer, not a reset connection) and refused with 413.
   */
  static byte[] read(HttpExchange ex, long limit) throws IOException {
    String declared = ex.getRequestHeaders().getFirst("Content-Length");
    long length = -1;
    if (declared != null) {
      try {
        length = Long.parseLong(declared.trim());
      } catch (NumberFormatException e) {
        throw new HttpError(HttpError.BAD_REQUEST, "bad Content-Length: " + declared);
      }
    }
    try (InputStream in = ex.getRequestBody()) {
      if (length > limit) {
        in.transferTo(OutputStream.nullOutputStream());
        throw tooLarge(length, limit);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(length > 0 ? (int) length : 1 << 16);
      byte[] buf = new byte[1 << 16];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total > limit) {
          in.transferTo(OutputStream.nullOutputStream());
          throw tooLarge(total, limit);
        }
        out.write(buf, 0, n);
      }
      if (total == 0) {
        throw new HttpError(HttpError.BAD_REQUEST, "the upload is empty: send the image file as the request body");
      }
      return out.toByteArray();
    }
  }

  private static HttpError tooLarge(long bytes, long limit) {
    return new HttpError(HttpError.TOO_LARGE, String.format(Locale.ROOT,
        "the file is %s, more than this server's limit of %s (squish serve --max-upload-mb)", size(bytes),
        size(limit)));
  }

  static String size(long bytes) {
    if (bytes >= 1 << 20) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
    return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
  }
}

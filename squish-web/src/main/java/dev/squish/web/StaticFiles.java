package dev.squish.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The page's own files, served from the class path ({@code dev/squish/web/static/}). */
final class StaticFiles {
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "svg", "image/svg+xml",
      "png", "image/png");

  private StaticFiles() {}

  static void serve(HttpExchange ex, String name) throws IOException {
    // plain names only: no folders, no way out of the resource folder
    if (!name.matches("[a-z0-9-]+\\.[a-z]+")) {
      throw new HttpError(HttpError.NOT_FOUND, "no such file: " + name);
    }
    String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
    try (InputStream in = StaticFiles.class.getResourceAsStream("static/" + name)) {
      if (in == null || type == null) {
        throw new HttpError(HttpError.NOT_FOUND, "no such file: " + name);
      }
      Responses.bytes(ex, 200, type, in.readAllBytes(), null);
    }
  }
}

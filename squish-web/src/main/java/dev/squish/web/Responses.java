package dev.squish.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.squish.view.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writing answers: JSON, bytes and errors, with the headers every answer carries. */
final class Responses {
  /** The page loads nothing from anywhere but this server. */
  private static final String CSP = "default-src 'self'; img-src 'self' blob: data:; style-src 'self';"
      + " script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

  private Responses() {}

  static void json(HttpExchange ex, int status, String json) throws IOException {
    bytes(ex, status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8), null);
  }

  /** An error answer; one that asks the client to come back later says when ({@code Retry-After}, seconds). */
  static void error(HttpExchange ex, int status, String message, int retryAfterSeconds) throws IOException {
    if (retryAfterSeconds > 0) {
      ex.getResponseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", message);
    m.put("status", status);
    json(ex, status, Json.write(m));
  }

  static void bytes(HttpExchange ex, int status, String type, byte[] body, String disposition) throws IOException {
    Headers h = ex.getResponseHeaders();
    h.set("Content-Type", type);
    h.set("Cache-Control", "no-store");
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Content-Security-Policy", CSP);
    h.set("Referrer-Policy", "no-referrer");
    if (disposition != null) {
      h.set("Content-Disposition", disposition);
    }
    boolean head = ex.getRequestMethod().equalsIgnoreCase("HEAD");
    // a client that does not take its answer is cut off like one that sends too slowly
    IoDeadlines.during(body.length, () -> {
      ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
      if (!head && body.length > 0) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(body);
        }
      }
      return null;
    });
  }
}

package dev.squish.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small client of the server's API for the tests. */
final class Api {
  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  Api(URI base) {
    this.base = base;
  }

  HttpResponse<String> post(String path, byte[] body) throws IOException, InterruptedException {
    HttpRequest r = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The string value of {@code field} in a flat JSON answer (enough for ids, urls, messages and base64). */
  static String string(String json, String field) {
    String key = "\"" + field + "\":\"";
    int start = json.indexOf(key);
    if (start < 0) {
      throw new AssertionError("no string field " + field + " in " + json);
    }
    StringBuilder value = new StringBuilder();
    for (int i = start + key.length(); i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '"') {
        return value.toString();
      }
      if (c == '\\') {
        c = json.charAt(++i);
        if (c == 'u') {
          c = (char) Integer.parseInt(json.substring(i + 1, i + 5), 16);
          i += 4;
        }
      }
      value.append(c);
    }
    throw new AssertionError("unterminated string field " + field);
  }

  /** The numeric value of {@code field}. */
  static double number(String json, String field) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\":(-?[0-9.eE+-]+)").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no number field " + field + " in " + json);
    }
    return Double.parseDouble(m.group(1));
  }
}

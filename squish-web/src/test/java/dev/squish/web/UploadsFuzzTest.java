package dev.squish.web;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import dev.squish.testkit.InputDeadline;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes how the page reads an upload's body ({@link Uploads}): any Content-Length header (or none),
 * any body, any limit. The only outcomes: the body, at most the limit, or an {@link HttpError} of
 * 400 or 413 with a one-line message; never another exception, never more bytes read than the
 * limit plus {@link Uploads#DISCARD_MAX}.
 */
class UploadsFuzzTest {
  @FuzzTest(maxDuration = "10s", maxExecutions = 200000)
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // the whole fuzzing run (at most 10 s); one input: InputDeadline
  void readsTheBodyOrRefusesIt(FuzzedDataProvider data) {
    long limit = data.consumeLong(0, 1 << 16);
    boolean hasLength = data.consumeBoolean();
    // the server's request parser never hands over a header value holding CR or LF
    String declared = hasLength ? data.consumeString(24).replaceAll("[\r\n]", "") : null;
    byte[] body = data.consumeRemainingAsBytes();
    InputDeadline.run(body.length, () -> {
      try {
        check(limit, declared, body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static void check(long limit, String declared, byte[] body) throws IOException {
    FakeExchange ex = new FakeExchange(declared, body);
    try {
      Uploads.checkDeclared(ex, limit);
      byte[] got = Uploads.read(ex, limit, Uploads.SERVER_LIMIT);
      if (got.length > limit || got.length > body.length) {
        throw new AssertionError("read " + got.length + " bytes with a limit of " + limit);
      }
    } catch (HttpError e) {
      if (e.status() != HttpError.BAD_REQUEST && e.status() != HttpError.TOO_LARGE) {
        throw new AssertionError("status " + e.status() + ": " + e.getMessage(), e);
      }
      if (e.getMessage().contains("\n")) {
        throw new AssertionError("a message of more than one line: " + e.getMessage());
      }
    }
  }

  /** An exchange holding one request; what the server would send is kept and ignored. */
  private static final class FakeExchange extends HttpExchange {
    private final Headers request = new Headers();
    private final Headers response = new Headers();
    private final InputStream in;
    private final OutputStream out = new ByteArrayOutputStream();

    FakeExchange(String contentLength, byte[] body) {
      if (contentLength != null) {
        request.add("Content-Length", contentLength);
      }
      in = new ByteArrayInputStream(body);
    }

    @Override
    public Headers getRequestHeaders() {
      return request;
    }

    @Override
    public Headers getResponseHeaders() {
      return response;
    }

    @Override
    public URI getRequestURI() {
      return URI.create("/upload");
    }

    @Override
    public String getRequestMethod() {
      return "POST";
    }

    @Override
    public HttpContext getHttpContext() {
      return null;
    }

    @Override
    public void close() {}

    @Override
    public InputStream getRequestBody() {
      return in;
    }

    @Override
    public OutputStream getResponseBody() {
      return out;
    }

    @Override
    public void sendResponseHeaders(int code, long length) {}

    @Override
    public InetSocketAddress getRemoteAddress() {
      return new InetSocketAddress("127.0.0.1", 50000);
    }

    @Override
    public int getResponseCode() {
      return -1;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
      return new InetSocketAddress("127.0.0.1", 8080);
    }

    @Override
    public String getProtocol() {
      return "HTTP/1.1";
    }

    @Override
    public Object getAttribute(String name) {
      return null;
    }

    @Override
    public void setAttribute(String name, Object value) {}

    @Override
    public void setStreams(InputStream i, OutputStream o) {}

    @Override
    public HttpPrincipal getPrincipal() {
      return null;
    }
  }
}

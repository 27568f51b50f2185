package dev.squish.web;

import static org.assertj.core.api.Assertions.assertThat;
import dev.squish.compress.CompressOptions;
import dev.squish.compress.Compressed;
import dev.squish.compress.Dithering;
import dev.squish.compress.PreparedImage;
import dev.squish.image.RgbaImage;
import dev.squish.io.encode.ImageEncoder;
import dev.squish.io.encode.OutputFormat;
import dev.squish.io.encode.PngOptions;
import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.FitReport;
import dev.squish.quantize.Method;
import dev.squish.testkit.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The server's API without a browser: answers, limits and their HTTP statuses, headers, files. */
class WebServerTest {
  private static final byte[] CHELSEA = TestImages.bytes(TestImages.CHELSEA);

  @Test
  void bindsToTheLoopbackInterfaceOnlyAndServesThePageWithAStrictPolicy() throws Exception {
    try (WebServer server = WebServer.start(WebConfig.defaults(0), System.err)) {
      assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
      HttpResponse<String> page = new Api(server.url()).get("/");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("id=\"frame\"", "id=\"k\"", "id=\"cloud-rgb\"");
      assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
      assertThat(new Api(server.url()).get("/static/app.js").statusCode()).isEqualTo(200);
      assertThat(new Api(server.url()).get("/static/../WebServer.class").statusCode()).isEqualTo(404);
      // nothing listens on the machine's other addresses
      InetAddress other = InetAddress.getLocalHost();
      if (!other.isLoopbackAddress()) {
        assertThat(canConnect(other, server.port())).isFalse();
      }
    }
  }

  @Test
  void exactResultIsTheCommandLinesFileAndPreviewComesFirst() throws Exception {
    try (WebServer server = WebServer.start(WebConfig.defaults(0), System.err)) {
      Api api = new Api(server.url());
      HttpResponse<String> up = api.post("/api/images?name=chelsea.png", CHELSEA);
      assertThat(up.statusCode()).isEqualTo(201);
      String id = Api.string(up.body(), "id");
      assertThat(Api.number(up.body(), "width")).isEqualTo(451);

      HttpResponse<String> preview = api.post("/api/images/" + id + "/compress?k=24&space=oklab&mode=preview",
          new byte[0]);
      assertThat(preview.statusCode()).isEqualTo(200);
      assertThat(Api.string(preview.body(), "mode")).isEqualTo("preview");

      HttpResponse<String> exact = api.post("/api/images/" + id + "/compress?k=24&space=oklab&dither=fs&level=0.5",
          new byte[0]);
      assertThat(exact.statusCode()).isEqualTo(200);
      assertThat(Api.string(exact.body(), "mode")).isEqualTo("exact");
      RgbaImage image = TestImages.load(TestImages.CHELSEA, RgbaImage::of);
      CompressOptions o = CompressOptions.builder(Method.kMeans(24)).space(ColorSpace.OKLAB)
          .dithering(Dithering.floydSteinberg(0.5)).build();
      Compressed c = PreparedImage.of(image).compress(o);
      byte[] png = ImageEncoder.encode(c.image(), OutputFormat.PNG, PngOptions.defaults());
      byte[] served = api.getBytes(Api.string(exact.body(), "url")).body();
      assertThat(served).isEqualTo(png);
      assertThat(Api.number(exact.body(), "output_bytes")).isEqualTo(png.length);
      assertThat(Api.number(exact.body(), "psnr_db")).isCloseTo(c.quality().psnr(), org.assertj.core.api.Assertions
          .within(1e-3));

      // GIF, and the original as squish decoded it
      HttpResponse<String> gif = api.post("/api/images/" + id + "/compress?k=24&space=oklab&format=gif",
          new byte[0]);
      ByteArrayOutputStream g = new ByteArrayOutputStream();
      ImageEncoder.write(PreparedImage.of(image).compress(o.toBuilder().dithering(Dithering.NONE).build()).image(),
          OutputFormat.GIF, PngOptions.defaults(), g);
      assertThat(api.getBytes(Api.string(gif.body(), "url")).body()).isEqualTo(g.toByteArray());
      HttpResponse<byte[]> original = api.getBytes("/api/images/" + id + "/original.png");
      assertThat(original.headers().firstValue("Content-Type")).hasValue("image/png");
      assertThat(TestImagesDecode.decode(original.body()).copyArgb()).isEqualTo(image.copyArgb());

      HttpResponse<String> cloud = api.get("/api/images/" + id + "/cloud?space=lab");
      assertThat(cloud.statusCode()).isEqualTo(200);
      assertThat(cloud.body()).contains("\"space\":\"srgb\"", "\"space\":\"lab\"", "\"points\":[");
    }
  }

  @Test
  void emGivesTheCommandLinesFileAndItsComponentsForTheEllipsoids() throws Exception {
    try (WebServer server = WebServer.start(WebConfig.defaults(0), System.err)) {
      Api api = new Api(server.url());
      String id = Api.string(api.post("/api/images?name=hopper.jpg", TestImages.bytes(TestImages.GRACE_HOPPER))
          .body(), "id");
      HttpResponse<String> r = api.post("/api/images/" + id + "/compress?method=em&k=6", new byte[0]);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      RgbaImage image = TestImages.load(TestImages.GRACE_HOPPER, RgbaImage::of);
      Compressed c = PreparedImage.of(image).compress(CompressOptions.of(Method.em(6)));
      assertThat(api.getBytes(Api.string(r.body(), "url")).body())
          .isEqualTo(ImageEncoder.encode(c.image(), OutputFormat.PNG, PngOptions.defaults()));
      assertThat(Api.string(r.body(), "method")).isEqualTo("em");
      assertThat(r.body()).contains("\"measure\":\"mean log-likelihood per pixel\"", "\"covariance\":[");
      int components = r.body().split("\"covariance\":\\[", -1).length - 1;
      assertThat(components).isEqualTo(((FitReport.Em) c.fit()).components());
    }
  }

  @Test
  void refusesTooManyBytesWith413AndSaysTheLimit() throws Exception {
    WebConfig config = WebConfig.builder(0).maxUploadBytes(100_000).build();
    try (WebServer server = WebServer.start(config, System.err)) {
      HttpResponse<String> r = new Api(server.url()).post("/api/images?name=chelsea.png", CHELSEA);
      assertThat(r.statusCode()).isEqualTo(413);
      assertThat(Api.string(r.body(), "error")).contains("234.9 KiB", "limit of 97.7 KiB", "--max-upload-mb");
    }
  }

  @Test
  void refusesTooManyPixelsWith413BeforeDecoding() throws Exception {
    try (WebServer server = WebServer.start(WebConfig.builder(0).maxPixels(100_000).build(), System.err)) {
      HttpResponse<String> r = new Api(server.url()).post("/api/images?name=chelsea.png", CHELSEA);
      assertThat(r.statusCode()).isEqualTo(413);
      assertThat(Api.string(r.body(), "error")).contains("451x300", "limit of 100000", "--max-pixels");
    }
  }

  @Test
  void namesUnsupportedAndBrokenUploadsWith415And422() throws Exception {
    try (WebServer server = WebServer.start(WebConfig.defaults(0), System.err)) {
      Api api = new Api(server.url());
      HttpResponse<String> text = api.post("/api/images?name=notes.png", "just some text\n".getBytes(
          StandardCharsets.UTF_8));
      assertThat(text.statusCode()).isEqualTo(415);
      assertThat(Api.string(text.body(), "error")).startsWith("notes.png: ");
      HttpResponse<String> truncated = api.post("/api/images?name=cut.png", Arrays.copyOf(CHELSEA, 20_000));
      assertThat(truncated.statusCode()).isEqualTo(422);
      assertThat(Api.string(truncated.body(), "error")).startsWith("cut.png: ");
      HttpResponse<String> empty = api.post("/api/images?name=empty.png", new byte[0]);
      assertThat(empty.statusCode()).isEqualTo(400);
    }
  }

  @Test
  void answersBadRequestsWithTheirStatus() throws Exception {
    try (WebServer server = WebServer.start(WebConfig.defaults(0), System.err)) {
      Api api = new Api(server.url());
      String id = Api.string(api.post("/api/images?name=c.png", CHELSEA).body(), "id");
      HttpResponse<String> badK = api.post("/api/images/" + id + "/compress?k=999", new byte[0]);
      assertThat(badK.statusCode()).isEqualTo(400);
      assertThat(Api.string(badK.body(), "error")).isEqualTo("k must be from 1 to 256, got 999");
      HttpResponse<String> one = api.post("/api/images/" + id + "/compress?k=1", new byte[0]);
      assertThat(one.statusCode()).as("k = 1, as on the command line").isEqualTo(200);
      assertThat(Api.number(one.body(), "palette_size")).isEqualTo(1);
      assertThat(api.post("/api/images/" + id + "/compress?space=hsv", new byte[0]).statusCode()).isEqualTo(400);
      assertThat(api.post("/api/images/" + id + "/compress?method=median", new byte[0]).statusCode()).isEqualTo(400);
      assertThat(api.post("/api/images/0123/compress", new byte[0]).statusCode()).isEqualTo(404);
      assertThat(api.get("/api/images/" + id + "/compress").statusCode()).isEqualTo(405);
      assertThat(api.get("/api/images/" + id + "/results/r999.png").statusCode()).isEqualTo(404);
      assertThat(api.get("/nothing").statusCode()).isEqualTo(404);
      assertThat(api.send("DELETE", "/api/images/" + id).statusCode()).isEqualTo(200);
      HttpResponse<String> gone = api.post("/api/images/" + id + "/compress", new byte[0]);
      assertThat(gone.statusCode()).isEqualTo(404);
      assertThat(Api.string(gone.body(), "error")).contains("upload it again");
      assertThat(rawStatus(server.port(), "GET / HTTP/1.1\r\nHost: evil.example:" + server.port()
          + "\r\nConnection: close\r\n\r\n")).isEqualTo(421);
      String host = "Host: 127.0.0.1:" + server.port() + "\r\n";
      assertThat(rawStatus(server.port(), "POST /api/compress?k=8 HTTP/1.1\r\n" + host
          + "Origin: https://evil.example\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"))
          .as("a simple POST from another site's page").isEqualTo(403);
      assertThat(rawStatus(server.port(), "POST /api/compress?k=8 HTTP/1.1\r\n" + host
          + "Sec-Fetch-Site: cross-site\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")).isEqualTo(403);
      assertThat(api.get("/api/config").statusCode()).as("the page's own requests").isEqualTo(200);
      assertThat(rawStatus(server.port(), "POST /api/compress?name=100%.png HTTP/1.1\r\n" + host
          + "Content-Length: 0\r\nConnection: close\r\n\r\n")).as("a bad escape").isEqualTo(400);
    }
  }

  @Test
  void anUploadDeclaredTooLargeIsRefusedWithoutReadingIt() throws Exception {
    try (WebServer server = WebServer.start(WebConfig.defaults(0), System.err)) {
      // 10 GB declared, a few bytes sent: the answer comes at once, not after waiting for the body
      assertThat(rawStatus(server.port(), "POST /api/images?name=big.png HTTP/1.1\r\nHost: 127.0.0.1:"
          + server.port() + "\r\nContent-Length: 10000000000\r\n\r\nabc")).isEqualTo(413);
    }
  }

  @Test
  void leavesNoFileOnDisk() throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    Set<String> before = listing(tmp);
    try (WebServer server = WebServer.start(WebConfig.defaults(0), System.err)) {
      Api api = new Api(server.url());
      String id = Api.string(api.post("/api/images?name=c.jpg", TestImages.bytes(TestImages.GRACE_HOPPER)).body(),
          "id");
      assertThat(api.post("/api/images/" + id + "/compress?k=8", new byte[0]).statusCode()).isEqualTo(200);
      assertThat(api.post("/api/images/" + id + "/compress?k=8&format=gif", new byte[0]).statusCode())
          .isEqualTo(200);
      assertThat(api.getBytes("/api/images/" + id + "/original.png").statusCode()).isEqualTo(200);
    }
    Set<String> added = listing(tmp);
    added.removeAll(before);
    assertThat(added.stream().filter(n -> n.contains("imageio") || n.contains("squish") || n.endsWith(".tmp")))
        .as("files the server left in " + tmp).isEmpty();
  }

  private static Set<String> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  private static boolean canConnect(InetAddress address, int port) {
    try (Socket s = new Socket(address, port)) {
      return s.isConnected();
    } catch (IOException e) {
      return false;
    }
  }

  /** The status of a hand-written request (the JDK client does not let a test set the Host header). */
  private static int rawStatus(int port, String request) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(status.substring(9, 12));
    }
  }
}

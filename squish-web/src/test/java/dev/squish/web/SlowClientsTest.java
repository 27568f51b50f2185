package dev.squish.web;

import static org.assertj.core.api.Assertions.assertThat;
import dev.squish.testkit.TestImages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Clients that would hold the server's threads or workers: ones that trickle their headers or
 * their upload, a crowd larger than the queue, one that goes away mid-upload. Each test bounds its
 * own wait with a client timeout (a hang fails it), and none asserts how fast an answer came.
 */
class SlowClientsTest {
  private static final byte[] CHELSEA = TestImages.bytes(TestImages.CHELSEA);
  /** Longer than any answer here takes when the server works as it should; a hang ends at it. */
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(15);

  @Test
  void clientsTricklingTheirHeadersAreCutOffAndThePageStillAnswers() throws Exception {
    WebConfig config = WebConfig.builder(0).workers(1).maxWaiting(0).readTimeoutSeconds(2).build();
    int threads = config.workers() + config.maxWaiting() + WebServer.SPARE_THREADS;
    try (WebServer server = WebServer.start(config, System.err)) {
      int slow = threads + 10;
      ExecutorService pool = Executors.newFixedThreadPool(slow);
      List<Future<Boolean>> cut = new ArrayList<>();
      List<RawClient> clients = new ArrayList<>();
      for (int i = 0; i < slow; i++) {
        RawClient c = new RawClient(server.port());
        clients.add(c);
        c.send(c.unfinishedGet("/api/config"));
        // one header line every half second, for 25 s unless the server closes first
        byte[] lines = "X-Slow: 1\r\n".repeat(50).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        cut.add(pool.submit(() -> c.trickle(lines, 11, 500)));
      }
      Thread.sleep(500);
      HttpResponse<String> config1 = send(server.url(), HttpRequest.newBuilder(server.url().resolve("/api/config")));
      assertThat(config1.statusCode()).as("the page answers while %d clients trickle headers", slow).isEqualTo(200);
      for (Future<Boolean> f : cut) {
        assertThat(f.get(20, TimeUnit.SECONDS)).as("the server closed the trickling connection").isTrue();
      }
      assertThat(server.cutOffRequests()).isGreaterThanOrEqualTo(slow);
      pool.shutdownNow();
      for (RawClient c : clients) {
        c.close();
      }
    }
  }

  @Test
  void aClientTricklingItsUploadIsCutOffAndFreesTheWorker() throws Exception {
    WebConfig config = WebConfig.builder(0).workers(1).readTimeoutSeconds(2).queueSeconds(60).build();
    try (WebServer server = WebServer.start(config, System.err);
        RawClient slow = new RawClient(server.port())) {
      slow.send(slow.postHeaders("/api/images?name=slow.png", CHELSEA.length));
      ExecutorService pool = Executors.newSingleThreadExecutor();
      // 100 bytes every 200 ms: the upload would take 8 minutes
      Future<Boolean> closed = pool.submit(() -> slow.trickle(CHELSEA, 100, 200));
      awaitBusyWorkers(server, 1);
      HttpResponse<String> up = send(server.url(), HttpRequest.newBuilder(server.url().resolve(
          "/api/images?name=chelsea.png")).POST(HttpRequest.BodyPublishers.ofByteArray(CHELSEA)));
      assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
      assertThat(closed.get(20, TimeUnit.SECONDS)).as("the server closed the trickling upload").isTrue();
      assertThat(server.cutOffRequests()).isEqualTo(1);
      pool.shutdownNow();
    }
  }

  @Test
  void aCrowdBeyondTheQueueGets503WithRetryAfterAtOnceAndAnUploadBrokenOffFreesItsWorker() throws Exception {
    // the read timeout is long: the worker stays held until the slow client goes away
    WebConfig config = WebConfig.builder(0).workers(1).maxWaiting(2).readTimeoutSeconds(120).queueSeconds(300)
        .build();
    try (WebServer server = WebServer.start(config, System.err)) {
      RawClient holder = new RawClient(server.port());
      holder.send(holder.postHeaders("/api/images?name=half.png", CHELSEA.length));
      holder.send(Arrays.copyOf(CHELSEA, CHELSEA.length / 2));
      awaitBusyWorkers(server, 1);
      HttpClient http = HttpClient.newBuilder().connectTimeout(CLIENT_TIMEOUT).build();
      List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
      for (int i = 0; i < config.maxWaiting(); i++) {
        waiting.add(http.sendAsync(upload(server.url(), "wait" + i + ".png"), HttpResponse.BodyHandlers.ofString()));
      }
      awaitWaiting(server, config.maxWaiting());
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> busy = http.send(upload(server.url(), "extra" + i + ".png"),
            HttpResponse.BodyHandlers.ofString());
        assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(Api.string(busy.body(), "error")).contains("busy", "1 working", "2 waiting");
      }
      assertThat(send(server.url(), HttpRequest.newBuilder(server.url().resolve("/")))
          .statusCode()).as("the page, while the queue is full").isEqualTo(200);
      holder.close(); // goes away with half its upload sent
      for (CompletableFuture<HttpResponse<String>> f : waiting) {
        HttpResponse<String> r = f.get(CLIENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      }
      awaitBusyWorkers(server, 0);
      assertThat(server.waitingRequests()).isZero();
    }
  }

  @Test
  void moreUploadsBrokenOffThanTheConnectionLimitLeaveTheServerAcceptingConnections() throws Exception {
    java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
    try (WebServer server = WebServer.start(WebConfig.builder(0).workers(2).build(), quiet)) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < WebServer.MAX_CONNECTIONS + 200; i++) {
        done.add(pool.submit(() -> {
          try (RawClient c = new RawClient(server.port())) {
            c.send(c.postHeaders("/api/images?name=gone.png", CHELSEA.length));
            c.send(Arrays.copyOf(CHELSEA, 1000));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(CLIENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
      pool.shutdown();
      awaitBusyWorkers(server, 0);
      HttpResponse<String> up = send(server.url(), HttpRequest.newBuilder(server.url().resolve(
          "/api/images?name=chelsea.png")).POST(HttpRequest.BodyPublishers.ofByteArray(CHELSEA)));
      assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
    }
  }

  @Test
  void withManyIdleConnectionsOpenANewClientsSecondRequestIsAnswered() throws Exception {
    try (WebServer server = WebServer.start(WebConfig.defaults(0), System.err)) {
      List<RawClient> idle = new ArrayList<>();
      for (int i = 0; i < 250; i++) {
        RawClient c = new RawClient(server.port());
        c.send(c.unfinishedGet("/api/config") + "\r\n");
        assertThat(c.awaitStatusOrClose((int) CLIENT_TIMEOUT.toMillis())).isEqualTo(200);
        idle.add(c); // kept open, as a browser keeps its connections
      }
      Api api = new Api(server.url());
      for (int round = 0; round < 5; round++) {
        HttpResponse<String> up = api.post("/api/images?name=chelsea.png", CHELSEA);
        assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
        HttpResponse<String> preview = api.post("/api/images/" + Api.string(up.body(), "id")
            + "/compress?mode=preview&k=8", new byte[0]);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
      }
      for (RawClient c : idle) {
        c.close();
      }
    }
  }

  @Test
  void oversizedHeadersAreRefusedAndTheServerGoesOn() throws Exception {
    try (WebServer server = WebServer.start(WebConfig.builder(0).readTimeoutSeconds(5).build(), System.err);
        RawClient c = new RawClient(server.port())) {
      c.send(c.unfinishedGet("/api/config"));
      // 1 MiB of headers, beyond the JDK server's limit of 380 KiB
      String line = "X-Padding: " + "a".repeat(1000) + "\r\n";
      boolean closed = c.trickle((line.repeat(1024) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII),
          64 << 10, 0);
      int status = closed ? -1 : c.awaitStatusOrClose(10_000);
      assertThat(status).as("answered with an error or closed, not left waiting").isNotEqualTo(0)
          .isNotEqualTo(200);
      assertThat(send(server.url(), HttpRequest.newBuilder(server.url().resolve("/api/config"))).statusCode())
          .isEqualTo(200);
    }
  }

  private static HttpRequest upload(URI base, String name) {
    return HttpRequest.newBuilder(base.resolve("/api/images?name=" + name)).timeout(CLIENT_TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofByteArray(CHELSEA)).build();
  }

  private static HttpResponse<String> send(URI base, HttpRequest.Builder request) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(CLIENT_TIMEOUT).build();
    return http.send(request.timeout(CLIENT_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void awaitBusyWorkers(WebServer server, int busy) throws InterruptedException {
    long end = System.nanoTime() + CLIENT_TIMEOUT.toNanos();
    while (server.busyWorkers() != busy) {
      assertThat(System.nanoTime() - end).as("workers busy: %d, expected %d", server.busyWorkers(), busy)
          .isNegative();
      Thread.sleep(20);
    }
  }

  private static void awaitWaiting(WebServer server, int waiting) throws InterruptedException {
    long end = System.nanoTime() + CLIENT_TIMEOUT.toNanos();
    while (server.waitingRequests() != waiting) {
      assertThat(System.nanoTime() - end).as("requests waiting: %d", server.waitingRequests()).isNegative();
      Thread.sleep(20);
    }
  }
}

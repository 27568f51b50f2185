package dev.squish.web;

import static org.assertj.core.api.Assertions.assertThat;
import dev.squish.testkit.TestImages;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The page under load on 127.0.0.1 ({@link PageLoad}): 200 clients mixing uploads, previews and
 * exact fits of the test photos, with clients that trickle headers or uploads and clients that go
 * away mid-upload. In {@code mvn verify} it runs for 12 s against a server in this JVM and checks
 * that every request was answered (200/201, 503 with Retry-After when busy, or 404 telling the
 * client its image was dropped from the cache), that every slow client was cut off, that the
 * server answers afterwards with every worker free, and that the heap it keeps after a full GC
 * stays within the cache budget. Latencies are printed, never asserted. {@code
 * scripts/page-load.sh} runs it for 60 s against the server in a process of its own
 * ({@code -Dsquish.pageLoad.child=true}) and also reports that process's peak RSS. The figures go
 * to {@code target/page-load.txt}.
 */
class PageLoadTest {
  private static final int CLIENTS = Integer.getInteger("squish.pageLoad.clients", 200);
  private static final int SECONDS = Integer.getInteger("squish.pageLoad.seconds", 12);
  private static final boolean CHILD = Boolean.getBoolean("squish.pageLoad.child");
  /** The cache budget the server runs with: small, so the load fills it. */
  private static final long CACHE_MB = 256;
  private static final int READ_TIMEOUT_SECONDS = 3;
  /**
   * A slow client still connected after this long was not cut off: the read timeout, plus the wait
   * for a worker of an upload (its body is read only then) and the watchdog's period.
   */
  private static final Duration CUT_OFF_WITHIN = Duration.ofSeconds(READ_TIMEOUT_SECONDS + 20);
  /** A request that takes longer has hung. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  /**
   * Heap kept after the run and a full GC, beyond the baseline and the cache budget: measured at
   * 10–40 MiB on two cores (the estimate of an image leaves out object headers, the JSON kept with
   * each result and the JIT's and the HTTP client's own data), so 64 MiB.
   */
  private static final long HEAP_SLACK = 64L << 20;
  private static final Set<Integer> ANSWERS = Set.of(200, 201, 503);

  @Test
  void everyRequestIsAnsweredUnderLoadAndTheServerStaysWithinItsMemoryAndAnswersAfterwards() throws Exception {
    List<byte[]> uploads = TestImages.PHOTOS.stream().map(TestImages::bytes).toList();
    String report = CHILD ? inChild(uploads) : inProcess(uploads);
    System.out.println(report);
    Files.writeString(Path.of("target", "page-load.txt"), report);
  }

  private String inProcess(List<byte[]> uploads) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    fullGc();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    WebConfig config = WebConfig.builder(0).cacheBytes(CACHE_MB << 20).readTimeoutSeconds(READ_TIMEOUT_SECONDS)
        .build();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    AtomicLong peakHeap = new AtomicLong();
    AtomicBoolean sampling = new AtomicBoolean(true);
    Thread sampler = new Thread(() -> {
      while (sampling.get()) {
        peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    try (WebServer server = WebServer.start(config, new PrintStream(log, true, StandardCharsets.UTF_8))) {
      sampler.start();
      PageLoad.Report r = load(server.url(), uploads);
      sampling.set(false);
      sampler.join();
      checkAnswers(r);
      awaitIdle(server);
      answersAfterwards(server.url(), uploads.get(0));
      assertThat(log.toString(StandardCharsets.UTF_8)).as("the server's log").doesNotContain("internal error");
      fullGc();
      long kept = memory.getHeapMemoryUsage().getUsed() - baseline;
      String figures = r.summary() + String.format(Locale.ROOT, "server in this JVM (max heap %.0f MiB): %d"
          + " workers, %d may wait, read timeout %d s, cache %d MiB; peak heap used %.0f MiB (%.0f MiB above the"
          + " baseline); after the run and a full GC %.0f MiB above the baseline with %d images held (estimated"
          + " %.0f MiB); requests cut off by the server: %d%n", Runtime.getRuntime().maxMemory() / 1048576.0,
          config.workers(), config.maxWaiting(), config.readTimeoutSeconds(), CACHE_MB, peakHeap.get() / 1048576.0,
          (peakHeap.get() - baseline) / 1048576.0, kept / 1048576.0, server.heldImages(),
          server.heldBytes() / 1048576.0, server.cutOffRequests());
      System.out.println(figures);
      // the cache may hold one image beyond its budget (the one being worked on is never dropped)
      long largestImage = 48L << 20;
      assertThat(server.heldBytes()).as(figures).isLessThanOrEqualTo((CACHE_MB << 20) + largestImage);
      assertThat(kept).as(figures).isLessThanOrEqualTo((CACHE_MB << 20) + HEAP_SLACK);
      return figures;
    }
  }

  private String inChild(List<byte[]> uploads) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path serverLog = Path.of("target", "page-load-server.log");
    Process p = new ProcessBuilder(java.toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        PageLoadServer.class.getName(), Long.toString(CACHE_MB), Integer.toString(READ_TIMEOUT_SECONDS))
        .redirectError(serverLog.toFile()).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String[] started = out.readLine().split(" ");
      URI base = URI.create("http://127.0.0.1:" + started[1] + "/");
      long rssBefore = rssKb(p.pid(), "VmRSS:");
      PageLoad.Report r = load(base, uploads);
      checkAnswers(r);
      Thread.sleep(5000); // let the last slow clients be cut and the work finish
      answersAfterwards(base, uploads.get(0));
      String figures = r.summary() + String.format(Locale.ROOT, "server in its own process (-Xmx1g): %s workers,"
          + " %s may wait, read timeout %d s, cache %d MiB; RSS %.0f MiB before the load, %.0f MiB after, peak %.0f"
          + " MiB%n", started[3], started[5], READ_TIMEOUT_SECONDS, CACHE_MB, rssBefore / 1024.0,
          rssKb(p.pid(), "VmRSS:") / 1024.0, rssKb(p.pid(), "VmHWM:") / 1024.0);
      assertThat(Files.readString(serverLog)).as("the server's log").doesNotContain("internal error");
      return figures;
    } finally {
      p.getOutputStream().close();
      p.destroy();
      p.waitFor();
    }
  }

  private static PageLoad.Report load(URI base, List<byte[]> uploads) throws InterruptedException {
    int slow = Math.max(1, CLIENTS / 20);
    PageLoad.Settings s = new PageLoad.Settings(base, CLIENTS, Duration.ofSeconds(SECONDS), slow, slow, slow / 2 + 1,
        REQUEST_TIMEOUT, CUT_OFF_WITHIN, 15);
    return new PageLoad(s, uploads).run();
  }

  private static void checkAnswers(PageLoad.Report r) {
    String summary = r.summary();
    assertThat(r.count(PageLoad.HANG)).as("requests that hung: %s", summary).isZero();
    assertThat(r.count(PageLoad.IO_ERROR)).as("requests that got no answer: %s", summary).isZero();
    assertThat(r.threadsLeft()).as("clients still running after the run: %s", summary).isZero();
    for (PageLoad.Sample s : r.samples()) {
      boolean gone = s.status() == 404 && !s.kind().equals("upload");
      assertThat(ANSWERS.contains(s.status()) || gone).as("%s answered %d: %s", s.kind(), s.status(), summary)
          .isTrue();
    }
    assertThat(r.retryAfterMissing()).as("503s without Retry-After").isZero();
    assertThat(r.slowNotCut()).as("slow clients still connected at the end: %s", summary).isZero();
    assertThat(r.slowCut()).as(summary).isPositive();
    assertThat(r.samples().stream().filter(s -> s.kind().equals("preview") && s.status() == 200).count())
        .as("previews made: %s", summary).isPositive();
    assertThat(r.samples().stream().filter(s -> s.kind().equals("exact") && s.status() == 200).count())
        .as("exact fits made: %s", summary).isPositive();
  }

  /** The page, its config, and an upload with a preview, all answered once the load is over. */
  private static void answersAfterwards(URI base, byte[] upload) throws Exception {
    Api api = new Api(base);
    assertThat(api.get("/").statusCode()).isEqualTo(200);
    assertThat(api.get("/api/config").statusCode()).isEqualTo(200);
    HttpResponse<String> up = api.post("/api/images?name=after.png", upload);
    assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
    HttpResponse<String> preview = api.post("/api/images/" + Api.string(up.body(), "id")
        + "/compress?mode=preview&k=16", new byte[0]);
    assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
  }

  /** Waits (at most a minute) until no worker is busy and no request waits: nothing was left holding one. */
  private static void awaitIdle(WebServer server) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (server.busyWorkers() > 0 || server.waitingRequests() > 0) {
      assertThat(System.nanoTime() - end).as("busy workers %d, waiting %d", server.busyWorkers(),
          server.waitingRequests()).isNegative();
      Thread.sleep(50);
    }
  }

  private static void fullGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
  }

  /** A figure of /proc/PID/status in KiB, or -1 off Linux. */
  private static long rssKb(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }
}

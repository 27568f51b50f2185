package dev.squish.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load on the page's server, on loopback only: {@code clients} threads that each behave
 * like a page (upload an image, then ask for previews and exact fits of it with changing k, now and
 * then load the page or the config, upload anew when told the image was dropped, wait Retry-After
 * seconds when told the server is busy), plus raw-socket clients that trickle their headers,
 * trickle their uploads, or go away in the middle of an upload. Runs for a fixed time; every
 * request has a timeout, and one that reaches it counts as a hang.
 */
final class PageLoad {
  /** What to run. */
  record Settings(URI base, int clients, Duration duration, int slowHeaders, int slowBodies, int breakers,
      Duration requestTimeout, Duration cutOffWithin, long seed) {}

  /** One answered (or not answered) request of a well-behaved client. */
  record Sample(String kind, int status, long nanos, boolean retryAfter) {}

  /** Status codes for requests that got no answer. */
  static final int HANG = -1;
  static final int IO_ERROR = -2;

  private final Settings settings;
  private final List<byte[]> uploads;
  private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
  private final Map<String, String> firstErrors = new ConcurrentHashMap<>();
  private final AtomicInteger slowCut = new AtomicInteger();
  private final AtomicInteger slowNotCut = new AtomicInteger();
  private final AtomicInteger brokenOff = new AtomicInteger();
  private final AtomicLong slowestCutNanos = new AtomicLong();
  private volatile long endNanos;

  PageLoad(Settings settings, List<byte[]> uploads) {
    this.settings = settings;
    this.uploads = uploads;
  }

  /** Runs the load and returns its figures. */
  Report run() throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.requestTimeout()).build();
    long start = System.nanoTime();
    endNanos = start + settings.duration().toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < settings.clients(); i++) {
      Random random = new Random(settings.seed() * 1_000_003L + i);
      threads.add(start("load-" + i, () -> page(http, random)));
    }
    for (int i = 0; i < settings.slowHeaders(); i++) {
      threads.add(start("slow-headers-" + i, this::slowHeaders));
    }
    for (int i = 0; i < settings.slowBodies(); i++) {
      threads.add(start("slow-body-" + i, this::slowBody));
    }
    for (int i = 0; i < settings.breakers(); i++) {
      Random random = new Random(settings.seed() * 7_919L + i);
      threads.add(start("breaker-" + i, () -> breaker(random)));
    }
    long joinBy = endNanos + settings.requestTimeout().toNanos() + TimeUnit.SECONDS.toNanos(30);
    for (Thread t : threads) {
      t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(joinBy - System.nanoTime())));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Report(List.copyOf(samples), seconds, slowCut.get(), slowNotCut.get(), settings.cutOffWithin(),
        brokenOff.get(),
        slowestCutNanos.get() / 1e9, Map.copyOf(firstErrors), threads.stream().filter(Thread::isAlive).count());
  }

  private static Thread start(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.start();
    return t;
  }

  private boolean running() {
    return System.nanoTime() - endNanos < 0;
  }

  /** A well-behaved page. */
  private void page(HttpClient http, Random random) {
    String id = null;
    while (running()) {
      double r = random.nextDouble();
      String kind;
      HttpRequest.Builder b;
      if (id == null || r < 0.04) {
        kind = "upload";
        byte[] body = uploads.get(random.nextInt(uploads.size()));
        b = request("/api/images?name=load.png").POST(HttpRequest.BodyPublishers.ofByteArray(body));
      } else if (r < 0.64) {
        kind = "preview";
        String method = random.nextDouble() < 0.2 ? "em" : "kmeans";
        int k = 2 + random.nextInt(63);
        String space = random.nextBoolean() ? "srgb" : "oklab";
        b = request("/api/images/" + id + "/compress?mode=preview&method=" + method + "&k=" + k + "&space=" + space)
            .POST(HttpRequest.BodyPublishers.noBody());
      } else if (r < 0.84) {
        kind = "exact";
        int k = 4 << random.nextInt(4);
        b = request("/api/images/" + id + "/compress?mode=exact&k=" + k).POST(HttpRequest.BodyPublishers.noBody());
      } else if (r < 0.92) {
        kind = "page";
        b = request("/");
      } else {
        kind = "config";
        b = request("/api/config");
      }
      long t0 = System.nanoTime();
      try {
        HttpResponse<String> answer = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        int status = answer.statusCode();
        boolean retryAfter = answer.headers().firstValue("Retry-After").isPresent();
        samples.add(new Sample(kind, status, System.nanoTime() - t0, retryAfter));
        if (kind.equals("upload") && status == 201) {
          id = Api.string(answer.body(), "id");
        } else if (status == 404 && answer.body().contains("upload it again")) {
          id = null;
        } else if (status == 503) {
          long wait = answer.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
          Thread.sleep(Math.min(1000, wait * 1000) + random.nextInt(1000));
        } else if (status != 200 && status != 201) {
          firstErrors.putIfAbsent(kind + " " + status, answer.body());
        }
      } catch (HttpTimeoutException e) {
        samples.add(new Sample(kind, HANG, System.nanoTime() - t0, false));
      } catch (IOException e) {
        samples.add(new Sample(kind, IO_ERROR, System.nanoTime() - t0, false));
        firstErrors.putIfAbsent(kind + " I/O", String.valueOf(e));
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(settings.base().resolve(path)).timeout(settings.requestTimeout());
  }

  /** Sends a request line and then a header line a second, forever: the server must close the connection. */
  private void slowHeaders() {
    byte[] line = "X-Slow: 1\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    while (running()) {
      long t0 = System.nanoTime();
      try (RawClient c = new RawClient(settings.base().getPort())) {
        c.send(c.unfinishedGet("/api/config"));
        slowUntilCut(c, line, t0);
      } catch (IOException e) {
        pause(200);
      }
    }
  }

  /** Declares an upload and sends 256 bytes of it every half second: the server must close the connection. */
  private void slowBody() {
    byte[] piece = Arrays.copyOf(uploads.get(0), 256);
    while (running()) {
      long t0 = System.nanoTime();
      try (RawClient c = new RawClient(settings.base().getPort())) {
        c.send(c.postHeaders("/api/images?name=slow.png", uploads.get(0).length));
        slowUntilCut(c, piece, t0);
      } catch (IOException e) {
        pause(200);
      }
    }
  }

  /** Sends {@code piece} every half second until the server ends the connection (or the run ends). */
  private void slowUntilCut(RawClient c, byte[] piece, long t0) throws IOException {
    while (running()) {
      if (c.endedWithin(500)) {
        slowCut.incrementAndGet();
        slowestCutNanos.accumulateAndGet(System.nanoTime() - t0, Math::max);
        return;
      }
      try {
        c.send(piece);
      } catch (IOException e) {
        continue; // closed: the next look says so
      }
    }
    // the run ended: a connection younger than the time allowed may still be open
    if (System.nanoTime() - t0 > settings.cutOffWithin().toNanos()) {
      slowNotCut.incrementAndGet();
    }
  }

  /** Declares an upload, sends part of it and goes away. */
  private void breaker(Random random) {
    while (running()) {
      byte[] body = uploads.get(random.nextInt(uploads.size()));
      try (RawClient c = new RawClient(settings.base().getPort())) {
        c.send(c.postHeaders("/api/images?name=gone.png", body.length));
        c.send(Arrays.copyOf(body, random.nextInt(body.length)));
        brokenOff.incrementAndGet();
      } catch (IOException e) {
        // refused at once: fine
      }
      pause(100 + random.nextInt(200));
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The figures of one run. */
  record Report(List<Sample> samples, double seconds, int slowCut, int slowNotCut, Duration cutOffWithin,
      int brokenOff,
      double slowestCutSeconds, Map<String, String> firstErrors, long threadsLeft) {
    long count(int status) {
      return samples.stream().filter(s -> s.status() == status).count();
    }

    long retryAfterMissing() {
      return samples.stream().filter(s -> (s.status() == 503 || s.status() == 429) && !s.retryAfter()).count();
    }

    /** Status counts, per kind of request. */
    Map<String, Map<Integer, Long>> statuses() {
      Map<String, Map<Integer, Long>> m = new TreeMap<>();
      for (Sample s : samples) {
        m.computeIfAbsent(s.kind(), k -> new TreeMap<>()).merge(s.status(), 1L, Long::sum);
      }
      return m;
    }

    /** The {@code q}-quantile (nearest rank) of the latencies of {@code kind}'s answers with {@code status}, ms. */
    double percentileMillis(String kind, int status, double q) {
      long[] ns = samples.stream().filter(s -> s.kind().equals(kind) && s.status() == status)
          .mapToLong(Sample::nanos).sorted().toArray();
      if (ns.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(q * ns.length);
      return ns[Math.max(0, Math.min(ns.length - 1, rank - 1))] / 1e6;
    }

    String latencies(String kind, int status) {
      return String.format(Locale.ROOT, "%s %d: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms", kind, status,
          percentileMillis(kind, status, 0.50), percentileMillis(kind, status, 0.95),
          percentileMillis(kind, status, 0.99));
    }

    String summary() {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "requests: %d in %.1f s, %.1f per second (answered: %d per second)%n",
          samples.size(), seconds, samples.size() / seconds,
          Math.round(samples.stream().filter(s -> s.status() > 0).count() / seconds)));
      long ok = samples.stream().filter(s -> s.status() == 200 || s.status() == 201).count();
      b.append(String.format(Locale.ROOT, "200/201: %d, 503: %d, 429: %d, 500: %d, other: %d, hangs: %d,"
          + " I/O errors: %d, 503 without Retry-After: %d%n", ok, count(503), count(429), count(500),
          samples.size() - ok - count(503) - count(429) - count(500) - count(HANG) - count(IO_ERROR), count(HANG),
          count(IO_ERROR), retryAfterMissing()));
      b.append("by kind: ").append(statuses()).append(System.lineSeparator());
      b.append(latencies("preview", 200)).append("; ").append(latencies("exact", 200)).append(System.lineSeparator());
      b.append(latencies("preview", 503)).append("; ").append(latencies("page", 200)).append(System.lineSeparator());
      b.append(String.format(Locale.ROOT, "slow clients cut off: %d (slowest after %.1f s), not cut off by the end:"
          + " %d (of those open longer than %d s); uploads broken off: %d; client threads left: %d%n", slowCut,
          slowestCutSeconds, slowNotCut, cutOffWithin.toSeconds(), brokenOff, threadsLeft));
      if (!firstErrors.isEmpty()) {
        b.append("first unexpected answers: ").append(firstErrors).append(System.lineSeparator());
      }
      return b.toString();
    }
  }
}

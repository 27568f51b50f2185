package dev.squish.web;

import static org.assertj.core.api.Assertions.assertThat;
import dev.squish.image.RgbaImage;
import dev.squish.testkit.TestImages;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Twenty clients at once, each uploading its own one-megapixel image and asking for the exact
 * result in the same request: all must succeed. The server lets two of them work at a time (one
 * per core); the others wait without reading their uploads. The test JVM has a 1 GiB heap
 * ({@code -Xmx1g} in this module's pom), which the requests must fit in. Peak heap (sampled every
 * 5 ms, garbage included) and peak RSS are printed, never asserted, and written to
 * {@code target/concurrency.txt}.
 */
class ConcurrencyTest {
  private static final int CLIENTS = 20;

  @Test
  void twentyConcurrentCompressionsOfMegapixelImagesAllSucceed() throws Exception {
    List<String> photos = TestImages.PHOTOS;
    List<byte[]> uploads = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      uploads.add(TestPictures.megapixelPng(photos.get(i % photos.size()), i / photos.size()));
    }
    System.gc();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peakHeap = new AtomicLong(baseline);
    AtomicBoolean sampling = new AtomicBoolean(true);
    Thread sampler = new Thread(() -> {
      while (sampling.get()) {
        peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.start();
    // a small cache budget, so that the figure shows the bound and not the default 1 GiB of kept images
    // and room for all of them to wait (by default 8 per worker may, and the rest get 503 at once)
    WebConfig config = WebConfig.builder(0).cacheBytes(256L << 20).maxWaiting(CLIENTS).build();
    long start = System.nanoTime();
    List<HttpResponse<String>> answers = new ArrayList<>();
    try (WebServer server = WebServer.start(config, System.err)) {
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        byte[] body = uploads.get(i);
        String name = "photo" + i + ".png";
        futures.add(clients.submit(() -> new Api(server.url()).post("/api/compress?name=" + name + "&k=32&inline=1",
            body)));
      }
      for (Future<HttpResponse<String>> f : futures) {
        answers.add(f.get());
      }
      clients.shutdown();
      for (int i = 0; i < CLIENTS; i++) {
        HttpResponse<String> r = answers.get(i);
        assertThat(r.statusCode()).as("client %d: %s", i, r.body()).isEqualTo(200);
        assertThat(Api.string(r.body(), "mode")).isEqualTo("exact");
        assertThat(Api.number(r.body(), "width")).isEqualTo(1024);
        assertThat(Api.number(r.body(), "palette_size")).isEqualTo(32);
        byte[] png = java.util.Base64.getDecoder().decode(Api.string(r.body(), "file"));
        assertThat(png.length).isEqualTo((int) Api.number(r.body(), "output_bytes"));
        RgbaImage out = TestImagesDecode.decode(png);
        assertThat(out.pixelCount()).isEqualTo(1024 * 1024);
      }
    } finally {
      sampling.set(false);
      sampler.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String report = String.format(Locale.ROOT, "%d concurrent upload+compress requests (1024x1024, k=32, exact) on %d"
        + " workers: all 200 in %.1f s; peak heap used %.0f MiB (%.0f MiB above the %.0f MiB before); peak RSS of"
        + " the JVM %s; max heap %.0f MiB; cache budget %.0f MiB", CLIENTS, config.workers(), seconds,
        peakHeap.get() / 1048576.0, (peakHeap.get() - baseline) / 1048576.0, baseline / 1048576.0, peakRss(),
        Runtime.getRuntime().maxMemory() / 1048576.0, config.cacheBytes() / 1048576.0);
    System.out.println(report);
    Files.writeString(Path.of("target", "concurrency.txt"), report + System.lineSeparator());
  }

  /** VmHWM from /proc (Linux), or "unknown". */
  private static String peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return String.format(Locale.ROOT, "%.0f MiB", kb / 1024.0);
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not Linux
    }
    return "unknown";
  }
}

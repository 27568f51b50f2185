package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long batch in one process holds steady: generated photo crops of mixed sizes and formats,
 * one in a hundred corrupt (cut short, garbage, a damaged signature), run by squish in a child JVM
 * whose resident memory is read from {@code /proc} every 100 ms. The corrupt files, and only
 * they, are listed as failed on standard error and in the report, the exit code says some
 * failed, and the peak RSS of the last tenth of the batch is within {@link #TOLERANCE} of the
 * first tenth's: nothing piles up from image to image.
 *
 * <p>CI runs 1,000 images; {@code scripts/soak.sh} runs 10,000 (a tenth is then a thousand).
 */
@EnabledOnOs(OS.LINUX)
class SoakTest {
  private static final int COUNT = Integer.getInteger("squish.soak.count", 1000);
  private static final long SEED = Long.getLong("squish.soak.seed", 42L);
  /** The bound: the last part's peak within 20 % of the first part's. */
  private static final double TOLERANCE = 0.20;
  private static final int PARTS = 10;
  private static final long SAMPLE_MILLIS = 100;

  @TempDir
  Path dir;

  @Test
  void longBatchListsTheCorruptFilesExitsSomeFailedAndKeepsFlatMemory() throws Exception {
    Path in = dir.resolve("in");
    List<GeneratedBatch.Made> inputs = GeneratedBatch.write(in, COUNT, 16, 256, List.of("png", "jpg", "gif", "bmp"),
        100, SEED);
    Set<String> corrupt = inputs.stream().filter(m -> m.damage() != null).map(m -> m.path().toString())
        .collect(Collectors.toCollection(TreeSet::new));
    Path out = dir.resolve("out");
    Path report = dir.resolve("report.csv");
    Process squish = new ProcessBuilder(GeneratedBatch.squishCommand(List.of(), in.toString(), "--output-dir",
        out.toString(), "-k", "16", "--jobs", "2", "--report", report.toString())).start();
    AtomicInteger done = new AtomicInteger();
    List<String> errLines = Collections.synchronizedList(new ArrayList<>());
    String failedPrefix = "squish: " + in;
    Thread outReader = reader(squish.getInputStream(), line -> done.incrementAndGet());
    Thread errReader = reader(squish.getErrorStream(), line -> {
      errLines.add(line);
      if (line.startsWith(failedPrefix)) {
        done.incrementAndGet();
      }
    });
    long start = System.nanoTime();
    long[] peakPerPart = new long[PARTS];
    List<String> samples = new ArrayList<>();
    Path status = Path.of("/proc", Long.toString(squish.pid()), "status");
    while (!squish.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
      long rss = kib(status, "VmRSS:");
      int progress = done.get();
      if (rss > 0 && progress < COUNT) {
        int part = progress * PARTS / COUNT;
        peakPerPart[part] = Math.max(peakPerPart[part], rss);
        samples.add(String.format(Locale.ROOT, "%.1f %d %d", (System.nanoTime() - start) / 1e9, progress, rss));
      }
    }
    outReader.join();
    errReader.join();
    double seconds = (System.nanoTime() - start) / 1e9;
    printCurve(peakPerPart, seconds, squish.exitValue(), samples.size());

    assertThat(squish.exitValue()).as("exit code with some failed: %s", errLines)
        .isEqualTo(ExitCode.SOME_FAILED.code());
    Set<String> failedOnStderr = errLines.stream().filter(l -> l.startsWith(failedPrefix))
        .map(l -> l.substring("squish: ".length(), l.indexOf(": ", "squish: ".length())))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(failedOnStderr).as("files named as failed on standard error").isEqualTo(corrupt);
    Set<String> failedInReport = Files.readAllLines(report).stream().filter(l -> l.contains(",failed,"))
        .map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toCollection(TreeSet::new));
    assertThat(failedInReport).as("files the report lists as failed").isEqualTo(corrupt);
    assertThat(Files.readAllLines(report)).as("a header and a row per input").hasSize(COUNT + 1);
    try (var files = Files.list(out)) {
      assertThat(files.count()).as("outputs").isEqualTo(COUNT - corrupt.size());
    }
    for (int p = 0; p < PARTS; p++) {
      assertThat(peakPerPart[p]).as("RSS sampled in part %d of the batch", p).isPositive();
    }
    assertThat((double) peakPerPart[PARTS - 1]).as("peak RSS of the last tenth against the first's (KiB)")
        .isLessThanOrEqualTo(peakPerPart[0] * (1 + TOLERANCE));
  }

  private static void printCurve(long[] peakPerPart, double seconds, int exit, int samples) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "SoakTest: %d images in %.1f s (%.0f per second), exit %d, %d RSS samples; peak RSS per %d images:%n",
        COUNT, seconds, COUNT / seconds, exit, samples, COUNT / PARTS));
    for (int p = 0; p < PARTS; p++) {
      sb.append(String.format(Locale.ROOT, "  %6d-%-6d %6.1f MiB%n", p * COUNT / PARTS + 1, (p + 1) * COUNT / PARTS,
          peakPerPart[p] / 1024.0));
    }
    System.out.print(sb);
    String file = System.getProperty("squish.soak.curve");
    if (file != null) {
      try {
        Files.writeString(Path.of(file), sb);
      } catch (IOException e) {
        System.out.println("cannot write " + file + ": " + e);
      }
    }
  }

  /** A field of /proc/PID/status in KiB, or 0 once the process is gone. */
  private static long kib(Path status, String field) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended between the check and the read
    }
    return 0;
  }

  private static Thread reader(InputStream stream, Consumer<String> onLine) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          onLine.accept(line);
        }
      } catch (IOException e) {
        // the stream closes with the process
      }
    }, "soak-reader");
    t.start();
    return t;
  }
}

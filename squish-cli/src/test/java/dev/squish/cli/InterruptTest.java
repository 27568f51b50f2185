package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.io.files.AtomicOutput;
import dev.squish.testkit.TestImages;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C for real: squish runs as its own process on a batch, gets SIGINT once some outputs
 * exist and others are being made, and must exit with 130 leaving only complete outputs (each
 * byte-identical to an uninterrupted run's), no temporary file, and a report saying what was done.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class InterruptTest {
  private static final int COPIES = 8;

  @TempDir
  Path dir;

  @Test
  void ctrlCMidBatchExitsWith130AndLeavesOnlyCompleteFiles() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    Map<String, String> photoOf = new HashMap<>();
    for (int i = 0; i < COPIES; i++) {
      for (String photo : TestImages.PHOTOS) {
        String stem = OutputNaming.stem(Path.of(photo));
        String name = stem + "-" + i + photo.substring(stem.length());
        Files.write(in.resolve(name), TestImages.bytes(photo));
        photoOf.put(stem + "-" + i + ".png", stem + ".png");
      }
    }
    int total = COPIES * TestImages.PHOTOS.size();
    Path ref = dir.resolve("ref");
    Path refIn = dir.resolve("ref-in");
    Files.createDirectories(refIn);
    TestImages.PHOTOS.forEach(p -> TestImages.copyTo(p, refIn));
    assertThat(CliRun.of(refIn.toString(), "--output-dir", ref.toString(), "-k", "256", "-q").exitCode()).isZero();

    Path out = dir.resolve("out");
    Path report = dir.resolve("report.json");
    Path stderr = dir.resolve("stderr.txt");
    Process squish = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), in.toString(), "--output-dir", out.toString(), "-k", "256", "--jobs", "2",
        "--report", report.toString())
        .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(stderr.toFile()).start();
    try {
      waitForOutputs(out, 2, squish); // some outputs done, others being made
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(squish.pid())).start();
      assertThat(kill.waitFor()).isZero();
      assertThat(squish.waitFor(60, TimeUnit.SECONDS)).as("squish exits after Ctrl-C").isTrue();
    } finally {
      squish.destroyForcibly();
    }

    assertThat(squish.exitValue()).isEqualTo(ExitCode.INTERRUPTED.code());
    String err = Files.readString(stderr);
    assertThat(err).containsPattern("squish: interrupted after \\d+ of " + total + " files; finished files are kept,"
        + " no partial or temporary file is left");
    List<Path> written = allFiles(out);
    assertThat(written).as("interrupted in the middle").hasSizeBetween(2, total - 1);
    for (Path f : written) {
      String name = f.getFileName().toString();
      assertThat(AtomicOutput.isTempName(name)).as("temporary file left: " + f).isFalse();
      assertThat(Files.readAllBytes(f)).as("complete output " + name)
          .isEqualTo(Files.readAllBytes(ref.resolve(photoOf.get(name))));
    }
    List<String> rows = Files.readString(report).lines().filter(l -> l.startsWith("{\"input\":")).toList();
    assertThat(rows).hasSize(total);
    assertThat(Files.readString(report)).contains("\"interrupted\":true");
    long writtenRows = rows.stream().filter(r -> r.contains("\"status\":\"written\"")).count();
    assertThat(writtenRows).isEqualTo(written.size());
    assertThat(rows.stream().filter(r -> r.contains("\"reason\":\"interrupted before this file was done\"")).count())
        .isEqualTo(total - written.size() - rows.stream().filter(r -> r.contains("\"status\":\"failed\"")
            && r.contains("interrupted before its output was written")).count());
  }

  private static void waitForOutputs(Path out, int n, Process squish) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!squish.isAlive()) {
        throw new AssertionError("squish ended before it could be interrupted, exit " + squish.exitValue());
      }
      if (finishedOutputs(out) >= n) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no output after 120 s");
  }

  /**
   * Outputs renamed into place so far. Names only, no file attributes: while squish runs,
   * temporary files vanish between a listing and a look at them.
   */
  private static int finishedOutputs(Path out) throws IOException {
    if (!Files.isDirectory(out)) {
      return 0;
    }
    int n = 0;
    try (DirectoryStream<Path> names = Files.newDirectoryStream(out, "[!.]*.png")) {
      for (Path ignored : names) {
        n++;
      }
    }
    return n;
  }

  /** Every file under {@code root}, hidden ones included (temporary files are hidden). */
  private static List<Path> allFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return new ArrayList<>(s.filter(Files::isRegularFile).toList());
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString() + (File.separatorChar == '\\' ? ".exe"
        : "");
  }
}

package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 24-megapixel photo with a small heap, in a child JVM: squish either compresses it or fails
 * it with one line saying to give Java more memory, never a stack trace, and the other files of
 * the batch are written either way. The photo is the baboon scaled up to 6000 × 4000, made here
 * (a 3 MB JPEG is not worth committing).
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LowMemoryTest {
  private static final int WIDTH = 6000;
  private static final int HEIGHT = 4000;
  private static final Pattern MEMORY_LINE = Pattern.compile(
      "squish: \\S*big\\.jpg: not enough memory: give Java more with JAVA_OPTS=-Xmx\\d+[mg] \\(or use fewer --jobs or a"
          + " lower --max-pixels\\)");

  @TempDir
  Path dir;

  private Path in;
  private Path big;

  @BeforeEach
  void photos() throws Exception {
    in = dir.resolve("in");
    Files.createDirectories(in);
    big = in.resolve("big.jpg");
    GeneratedBatch.writeImage(GeneratedBatch.upscaled(TestImages.BABOON, WIDTH, HEIGHT), "jpg", big);
    for (String p : List.of(TestImages.CHELSEA, TestImages.GRACE_HOPPER, TestImages.CAMERA)) {
      TestImages.copyTo(p, in);
    }
  }

  /** Measured: k-means compresses it; dithering and --metrics need more than 256 MB after the decode. */
  @ParameterizedTest
  @ValueSource(strings = {"", "--dither fs --metrics"})
  void twentyFourMegapixelsIn256MegabytesCompressOrFailWithTheMemoryLineAndTheOthersAreWritten(String options)
      throws Exception {
    Run run = squish("-Xmx256m", options.isEmpty() ? new String[0] : options.split(" "));
    List<String> errors = run.stderr().lines().filter(l -> l.startsWith("squish: ")).toList();
    if (run.exitCode() == 0) {
      assertThat(errors).as("a clean run says nothing on standard error").isEmpty();
      byte[] png = Files.readAllBytes(run.out().resolve("big.png"));
      var decoded = new ImageDecoder(DecodeLimits.defaults()).decode(png, png.length);
      assertThat(decoded.image().width() * (long) decoded.image().height()).isEqualTo((long) WIDTH * HEIGHT);
    } else {
      assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCode.SOME_FAILED.code());
      assertThat(errors).hasSize(1).allMatch(l -> MEMORY_LINE.matcher(l).matches(), "the memory line");
      assertThat(run.out().resolve("big.png")).doesNotExist();
    }
    theSmallOnesAreWrittenAndNothingElse(run);
  }

  @Test
  void whenTheHeapCannotHoldTheBigPhotoItFailsInOneLineAndTheOthersAreWritten() throws Exception {
    Run run = squish("-Xmx128m", "--metrics"); // measured: decoding 24 MP needs more than 200 MB
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCode.SOME_FAILED.code());
    List<String> errors = run.stderr().lines().filter(l -> l.startsWith("squish: ")).toList();
    assertThat(errors).as(run.stderr()).hasSize(1).allMatch(l -> MEMORY_LINE.matcher(l).matches(),
        "the memory line");
    assertThat(run.out().resolve("big.png")).doesNotExist();
    assertThat(Files.readString(run.report())).containsPattern(
        "big\\.jpg,,failed,not enough memory: give Java more with JAVA_OPTS=-Xmx1g");
    theSmallOnesAreWrittenAndNothingElse(run);
  }

  private void theSmallOnesAreWrittenAndNothingElse(Run run) throws Exception {
    assertThat(run.stderr()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception")
        .doesNotContain("Error");
    for (String small : List.of("skimage-chelsea.png", "mpl-grace_hopper.png", "skimage-camera.png")) {
      assertThat(BatchFiles.isPng(run.out().resolve(small))).as(small + " written").isTrue();
    }
    try (Stream<Path> s = Files.list(run.out())) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList())
          .as("no temporary file").isEmpty();
    }
  }

  private record Run(int exitCode, String stderr, Path out, Path report) {}

  private Run squish(String heap, String... options) throws Exception {
    Path out = dir.resolve("out" + heap);
    Path report = dir.resolve("report" + heap + ".csv");
    Path stderr = dir.resolve("stderr" + heap + ".txt");
    List<String> args = new ArrayList<>(List.of(in.toString(), "--output-dir", out.toString(), "-k", "16",
        "--jobs", "2", "--report", report.toString()));
    args.addAll(List.of(options));
    Process p = new ProcessBuilder(GeneratedBatch.squishCommand(List.of(heap), args.toArray(String[]::new)))
        .redirectOutput(dir.resolve("stdout" + heap + ".txt").toFile()).redirectError(stderr.toFile()).start();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("squish finishes").isTrue();
    System.out.printf("LowMemoryTest %s %s: exit %d%n  %s%n", heap, String.join(" ", options), p.exitValue(),
        Files.readString(stderr).strip());
    return new Run(p.exitValue(), Files.readString(stderr), out, report);
  }
}

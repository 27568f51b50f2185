package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.image.RgbaImage;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** --quality, --max-delta-e, --metrics, --optimize and --skip-if-larger on the command line. */
class QualityCliTest {
  @TempDir
  Path dir;

  private static double number(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":(-?[0-9.Ee+-]+)").matcher(json);
    assertThat(m.find()).as("%s in %s", key, json).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static String text(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":\"([^\"]*)\"").matcher(json);
    assertThat(m.find()).as("%s in %s", key, json).isTrue();
    return m.group(1);
  }

  private static RgbaImage decode(Path p) throws Exception {
    return new ImageDecoder(DecodeLimits.defaults()).decode(p).image();
  }

  /** PSNR over R, G and B, computed here from the two files, independently of squish's metrics. */
  private static double psnr(RgbaImage a, RgbaImage b) {
    double sum = 0;
    for (int i = 0; i < a.pixelCount(); i++) {
      int p = a.argb(i);
      int q = b.argb(i);
      for (int shift = 0; shift <= 16; shift += 8) {
        int d = ((p >>> shift) & 255) - ((q >>> shift) & 255);
        sum += d * d;
      }
    }
    double mse = sum / (3.0 * a.pixelCount());
    return 10 * Math.log10(255.0 * 255.0 / mse);
  }

  @ParameterizedTest
  @CsvSource({"skimage-chelsea.png, 30, 34", "mpl-grace_hopper.jpg, 28, 36", "opencv-baboon.jpg, 20, 27"})
  void qualityChoosesTheSmallestKThatReachesTheMaximum(String name, double min, double max) throws Exception {
    Path in = TestImages.copyTo(name, dir);
    Path out = dir.resolve("out.png");
    CliRun run = CliRun.of(in.toString(), "--quality", min + "-" + max, "-o", out.toString(), "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String json = run.out();
    int k = (int) number(json, "k");
    double reached = number(json, "quality_reached");
    assertThat(reached).isGreaterThanOrEqualTo(max);
    assertThat(text(json, "k_chosen_by")).isEqualTo("quality");
    assertThat(text(json, "k_range")).isEqualTo("1-256");
    assertThat(psnr(decode(in), decode(out))).isCloseTo(reached, org.assertj.core.data.Offset.offset(1e-3));
    assertThat((int) number(json, "colors")).isLessThanOrEqualTo(k);
    // the search's own probes show that one colour fewer misses the target (bisection ends next to it)
    List<Integer> tried = new ArrayList<>();
    for (String t : text(json, "k_tried").split(" ")) {
      tried.add(Integer.parseInt(t));
    }
    assertThat(tried).contains(k);
    if (k > 2) {
      assertThat(tried).contains(k - 1);
      Path fewer = dir.resolve("fewer.png");
      CliRun check = CliRun.of(in.toString(), "-k", Integer.toString(k - 1), "-o", fewer.toString(), "--json");
      assertThat(check.exitCode()).isZero();
      assertThat(number(check.out(), "psnr_db")).isLessThan(max + 0.3); // a fresh fit may differ a little
    }
  }

  @Test
  void theLineSaysWhichKWasChosen() {
    Path in = TestImages.copyTo(TestImages.CHELSEA, dir);
    CliRun run = CliRun.of(in.toString(), "--quality", "33", "-o", dir.resolve("o.png").toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).matches("(?s).*PSNR 3[3-9]\\.\\d\\d dB, k = \\d+ chosen for PSNR 33-33 dB"
        + " \\(reached 3[3-9]\\.\\d\\d dB\\) in \\d+ tries, .*");
  }

  @Test
  void qualityBelowTheMinimumWritesNothingAndIsASkipUnlessStrict() throws Exception {
    Path in = TestImages.copyTo(TestImages.BABOON, dir);
    Path out = dir.resolve("out.png");
    CliRun run = CliRun.of(in.toString(), "-k", "16", "--quality", "40-45", "-o", out.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.OK.code());
    assertThat(out).doesNotExist();
    assertThat(run.out()).matches("(?s).*opencv-baboon\\.jpg: skipped: PSNR 2\\d\\.\\d\\d dB at k = 16 is below the"
        + " minimum 40 dB \\(--quality\\)\\s*");
    CliRun strict = CliRun.of(in.toString(), "-k", "16", "--quality", "40-45", "-o", out.toString(), "--strict");
    assertThat(strict.exitCode()).isEqualTo(ExitCode.SKIPPED_STRICT.code());
    assertThat(out).doesNotExist();
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).containsExactly("opencv-baboon.jpg");
  }

  @Test
  void maxDeltaEChoosesKAndMetricsReportSsimAndDeltaE() {
    Path in = TestImages.copyTo(TestImages.CHELSEA, dir);
    CliRun run = CliRun.of(in.toString(), "--max-delta-e", "2.5", "--metrics", "-o", dir.resolve("o.png").toString(),
        "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    double de = number(run.out(), "delta_e2000");
    assertThat(de).isLessThanOrEqualTo(2.5).isEqualTo(number(run.out(), "quality_reached"),
        org.assertj.core.data.Offset.offset(1e-4));
    assertThat(number(run.out(), "ssim")).isBetween(0.5, 1.0);
    assertThat(text(run.out(), "quality_target")).isEqualTo("mean deltaE00 <= 2.5");
  }

  @Test
  void metricsAppearInTheLine() {
    Path in = TestImages.copyTo(TestImages.CAMERA, dir);
    CliRun run = CliRun.of(in.toString(), "-k", "8", "--metrics", "-o", dir.resolve("o.png").toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).matches("(?s).*PSNR \\d+\\.\\d\\d dB, SSIM 0\\.\\d{4}, deltaE00 \\d+\\.\\d{3}, .*");
  }

  @Test
  void optimizeGivesTheSamePixelsInAFileNoLarger() throws Exception {
    Path in = TestImages.copyTo(TestImages.CAMERA, dir);
    Path plain = dir.resolve("plain.png");
    Path optimized = dir.resolve("optimized.png");
    assertThat(CliRun.of(in.toString(), "-k", "16", "-o", plain.toString()).exitCode()).isZero();
    assertThat(CliRun.of(in.toString(), "-k", "16", "-o", optimized.toString(), "--optimize").exitCode()).isZero();
    RgbaImage a = decode(plain);
    RgbaImage b = decode(optimized);
    for (int i = 0; i < a.pixelCount(); i++) {
      assertThat(b.argb(i)).isEqualTo(a.argb(i));
    }
    assertThat(Files.size(optimized)).isLessThan(Files.size(plain));
  }

  @Test
  void skipIfLargerWritesNothingWhenTheOutputWouldNotBeSmaller() throws Exception {
    Path in = TestImages.copyTo(TestImages.CAMERA, dir);
    Path first = dir.resolve("first.png");
    assertThat(CliRun.of(in.toString(), "-k", "16", "-o", first.toString(), "--optimize").exitCode()).isZero();
    // the optimized 16-colour file again at k = 16: the same pixels, written without --optimize, are larger
    Path second = dir.resolve("second.png");
    CliRun run = CliRun.of(first.toString(), "-k", "16", "-o", second.toString(), "--skip-if-larger");
    assertThat(run.exitCode()).isZero();
    assertThat(second).doesNotExist();
    assertThat(run.out()).contains("first.png: skipped: output would be ").contains("(--skip-if-larger)");
    CliRun written = CliRun.of(in.toString(), "-k", "16", "-o", second.toString(), "--skip-if-larger");
    assertThat(written.exitCode()).isZero();
    assertThat(second).exists();
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "40-30", "101", "-", "30-40-50", "--method=em"})
  void badQualityIsAUsageError(String value) {
    Path in = TestImages.copyTo(TestImages.CAMERA, dir);
    List<String> args = new ArrayList<>(List.of(in.toString(), "-o", dir.resolve("o.png").toString()));
    if (value.startsWith("--")) {
      args.addAll(List.of("--quality", "30-40", value));
    } else {
      args.addAll(List.of("--quality=" + value));
    }
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err().lines().toList()).hasSize(2);
    assertThat(run.err()).contains("--quality").contains("try squish --help");
    assertThat(dir.resolve("o.png")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "200"})
  void badMaxDeltaEIsAUsageError(String value) {
    Path in = TestImages.copyTo(TestImages.CAMERA, dir);
    CliRun run = CliRun.of(in.toString(), "--max-delta-e=" + value);
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).startsWith("squish: --max-delta-e must be above 0");
  }

  @Test
  void qualityAndMaxDeltaETogetherIsAUsageError() {
    Path in = TestImages.copyTo(TestImages.CAMERA, dir);
    CliRun run = CliRun.of(in.toString(), "--quality", "30-40", "--max-delta-e", "2");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("give one");
  }
}

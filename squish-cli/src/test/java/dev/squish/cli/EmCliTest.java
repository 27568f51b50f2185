package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;
import dev.squish.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line of {@code --method em}: options, reports, usage errors. */
class EmCliTest {
  @TempDir
  Path dir;

  private Path photo() {
    return TestImages.copyTo(TestImages.CHELSEA, dir);
  }

  private static double number(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":(-?[0-9.Ee+-]+)").matcher(json);
    assertThat(m.find()).as("%s in %s", key, json).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void jsonCarriesTheFitAndEveryComponent() {
    CliRun run = CliRun.of(photo().toString(), "--method", "em", "-k", "8", "-o", dir.resolve("e.png").toString(),
        "--json");
    assertThat(run.exitCode()).isZero();
    String json = run.out().strip();
    assertThat(json).contains("\"method\":\"em\"", "\"k\":8", "\"colors\":8", "\"converged\":true",
        "\"covariance\":\"full\"", "\"assign\":\"nearest\"", "\"reg_covar\":0.065025", "\"coordinates\":\"RGB 0..255\"",
        "\"collapses\":[]", "\"components\":[");
    assertThat(count(json, "\"weight\":")).isEqualTo(8);
    assertThat(count(json, "\"covariance\":[[")).isEqualTo(8);
    double logLikelihood = number(json, "log_likelihood_per_pixel");
    assertThat(logLikelihood).isBetween(-14.0, -10.0);
    // BIC = -2 N ll + p ln N, N = 451 * 300 pixels, p = 8 - 1 + 8 * 3 + 8 * 6
    double n = 451 * 300;
    assertThat(number(json, "bic")).isCloseTo(-2 * n * logLikelihood + 79 * Math.log(n),
        org.assertj.core.data.Offset.offset(1e-3 * n));
    assertThat(number(json, "parameters")).isEqualTo(79);
    assertThat(number(json, "iterations")).isPositive();
  }

  @Test
  void nearestMappingBeatsMaximumPosteriorOnTheSameMixture() {
    Path in = photo();
    String nearest = CliRun.of(in.toString(), "--method", "em", "-k", "16", "-o", dir.resolve("n.png").toString(),
        "--json").out();
    String map = CliRun.of(in.toString(), "--method", "em", "-k", "16", "--assign", "map", "-o",
        dir.resolve("m.png").toString(), "--json").out();
    assertThat(map).contains("\"assign\":\"map\"");
    assertThat(number(map, "log_likelihood_per_pixel")).isEqualTo(number(nearest, "log_likelihood_per_pixel"));
    assertThat(number(nearest, "psnr_db")).isGreaterThan(number(map, "psnr_db") + 1);
  }

  @ParameterizedTest
  @CsvSource({"diag, 55", "spherical, 39", "full, 79"})
  void covarianceTypeIsUsedAndCounted(String type, int parameters) {
    CliRun run = CliRun.of(photo().toString(), "--method", "em", "-k", "8", "--covariance", type, "-o",
        dir.resolve("c.png").toString(), "--json");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"covariance\":\"" + type + "\"");
    assertThat(number(run.out(), "parameters")).isEqualTo(parameters);
  }

  @Test
  void autoKPrintsTheBicTableAndKeepsTheLowest() {
    CliRun run = CliRun.of(photo().toString(), "--method", "em", "--k", "auto", "--k-range", "2-8", "-o",
        dir.resolve("a.png").toString(), "--verbose");
    assertThat(run.exitCode()).isZero();
    String out = run.out();
    assertThat(out).contains("k chosen by BIC", "<- chosen", "loglik/px", "PSNR dB", "comp   weight  mean (R G B)");
    for (int k : new int[] {2, 3, 4, 6, 8}) {
      assertThat(out).containsPattern("(?m)^\\s+" + k + "\\s+" + k + "\\s+\\d+\\.\\d");
    }
    assertThat(count(out, "<- chosen")).isEqualTo(1);

    CliRun json = CliRun.of(photo().toString(), "--method", "em", "--k", "auto", "--k-range", "2-8", "-o",
        dir.resolve("b.png").toString(), "--force", "--json");
    assertThat(json.out()).contains("\"k_selection\":[{\"k\":2,");
    assertThat(count(json.out(), "\"psnr_db\":")).isEqualTo(1 + 5);
  }

  @Test
  void verboseShowsIterationsLikelihoodAndComponents() {
    CliRun run = CliRun.of(photo().toString(), "--method", "em", "-k", "4", "-o", dir.resolve("v.png").toString(),
        "--verbose");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("em: 4 components, full covariances, nearest mapping;", "converged true",
        "per pixel (RGB 0..255), BIC", "with 39 parameters", "reg_covar 0.0650250", "0 components re-seeded");
    assertThat(run.out()).containsPattern("(?m)^\\s+3\\s+0\\.\\d{5}\\s+\\d+\\.\\d\\d");
  }

  @Test
  void sameSeedSameBytesAnotherSeedOthers() throws Exception {
    Path in = photo();
    Path a = dir.resolve("a.png");
    Path b = dir.resolve("b.png");
    Path c = dir.resolve("c.png");
    for (String[] run : new String[][] {{"3", a.toString()}, {"3", b.toString()}, {"4", c.toString()}}) {
      assertThat(CliRun.of(in.toString(), "--method", "em", "-k", "100", "--seed", run[0], "-o", run[1]).exitCode())
          .isZero();
    }
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(Files.readAllBytes(c)).as("another seed").isNotEqualTo(Files.readAllBytes(a));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--assign map|--assign needs --method em (the method is kmeans)",
      "--covariance diag|--covariance needs --method em (the method is kmeans)",
      "--k auto|--k auto needs --method em (the method is kmeans)",
      "--method em --k-range 2-8|--k-range is used only with --k auto",
      "--method em --covariance tied|--covariance must be full, diag or spherical, got 'tied'",
      "--method em --assign posterior|--assign must be nearest or map, got 'posterior'",
      "--method em --k auto --k-range 8-2|--k-range must satisfy 1 <= A <= B <= 256, got 8-2",
      "--method em --k auto --k-range 2-300|--k-range must satisfy 1 <= A <= B <= 256, got 2-300",
      "--method em --k auto --k-range two|--k-range must be two whole numbers like 2-256, got 'two'",
      "--method em --k many|--k must be a whole number from 1 to 256 or auto, got 'many'",
      "--method gmm|--method must be kmeans or em, got 'gmm'"})
  void emOptionsAreCheckedBeforeAnythingIsDone(String options, String message) {
    String[] extra = options.split(" ");
    String[] args = new String[extra.length + 3];
    args[0] = photo().toString();
    args[1] = "-o";
    args[2] = dir.resolve("x.png").toString();
    System.arraycopy(extra, 0, args, 3, extra.length);
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err().strip().split("\n")).containsExactly("squish: " + message, "try squish --help");
    assertThat(dir.resolve("x.png")).doesNotExist();
  }

  @Test
  void helpDescribesTheEmOptions() {
    String help = CliRun.of("--help").out();
    assertThat(help).contains("--method", "kmeans", "em (EM on a Gaussian mixture", "--covariance", "full (correlated",
        "--assign", "nearest", "map", "--k-range", "auto", "BIC");
  }
}

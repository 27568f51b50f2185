package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;
import dev.squish.io.files.AtomicOutput;
import dev.squish.testkit.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

  private static String text(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":\"([^\"]*)\"").matcher(json);
    assertThat(m.find()).as("%s in %s", key, json).isTrue();
    return m.group(1);
  }

  /** A small picture of three noisy colour clouds, 64 x 48: a k search over it takes well under a second. */
  private Path clouds(String name) throws IOException {
    int[][] centres = {{200, 40, 40}, {40, 160, 60}, {50, 60, 200}};
    SplittableRandom random = new SplittableRandom(5);
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        int[] c = centres[(x / 22 + y / 16) % 3];
        int rgb = 0;
        for (int channel : c) {
          rgb = rgb << 8 | Math.max(0, Math.min(255, (int) Math.round(channel + 12 * gaussian(random))));
        }
        image.setRGB(x, y, rgb);
      }
    }
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    ImageIO.write(image, "png", p.toFile());
    return p;
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /** The arguments of a k search over 2-6 on {@code in}, with {@code more}. */
  private String[] autoK(Path in, String... more) {
    List<String> args = new ArrayList<>(List.of(in.toString(), "--method", "em", "--k", "auto", "--k-range", "2-6",
        "-o", dir.resolve("auto.png").toString(), "--force"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** The BIC of the chosen k in a --json line, from its k-versus-BIC table. */
  private static double bicOfRow(String json, int k) {
    Matcher m = Pattern.compile("\\{\"k\":" + k + ",\"components\":\\d+,\"bic\":(-?[0-9.Ee+-]+)").matcher(json);
    assertThat(m.find()).as("k_selection row of k = %d in %s", k, json).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void theLineOfAnAutoKRunSaysThatBicChoseKAndOverWhichRange() throws IOException {
    Path in = clouds("clouds.png");
    CliRun run = CliRun.of(autoK(in));
    assertThat(run.exitCode()).as(run.err()).isZero();
    Matcher m = Pattern.compile(", (\\d+) colours?, PSNR \\d+\\.\\d\\d dB, k = (\\d+) chosen by BIC over 2-6"
        + " \\(BIC (-?\\d+\\.\\d)\\) in 4 tries, \\d+\\.\\d\\d s$").matcher(run.out().strip());
    assertThat(m.find()).as(run.out()).isTrue();
    int colours = Integer.parseInt(m.group(1));
    int k = Integer.parseInt(m.group(2));
    assertThat(k).isIn(2, 3, 4, 6);
    assertThat(colours).as("palette entries, at most k").isBetween(1, k);
    // not on a terminal and without --verbose: one line on standard error when the search starts, no more
    assertThat(run.err()).isEqualTo("squish: " + in + ": choosing k by BIC over 2-6, 4 tries: k = 2 3 4 6"
        + " (--verbose shows each as it ends)\n");

    CliRun json = CliRun.of(autoK(in, "--json"));
    assertThat(number(json.out(), "k")).isEqualTo(k);
    assertThat(number(json.out(), "colors")).isEqualTo(colours);
    assertThat(String.format(Locale.ROOT, "%.1f", number(json.out(), "bic"))).isEqualTo(m.group(3));
  }

  @Test
  void theJsonRecordAndTheReportRowSayThatBicChoseK() throws IOException {
    Path in = clouds("clouds.png");
    Path report = dir.resolve("report.csv");
    CliRun run = CliRun.of(autoK(in, "--json", "--report", report.toString()));
    assertThat(run.exitCode()).as(run.err()).isZero();
    String json = run.out().strip();
    assertThat(text(json, "k_chosen_by")).isEqualTo("bic");
    assertThat(text(json, "k_range")).isEqualTo("2-6");
    assertThat(text(json, "k_tried")).isEqualTo("2 3 4 6");
    int k = (int) number(json, "k");
    assertThat(number(json, "bic")).as("the row's BIC is the chosen k's").isEqualTo(bicOfRow(json, k));
    for (int other : new int[] {2, 3, 4, 6}) {
      assertThat(bicOfRow(json, other)).isGreaterThanOrEqualTo(number(json, "bic"));
    }
    assertThat(json).doesNotContain("quality_target");

    List<String> csv = Files.readAllLines(report);
    List<String> header = List.of(csv.get(0).split(","));
    List<String> row = List.of(csv.get(1).split(",", -1));
    assertThat(row.get(header.indexOf("k_chosen_by"))).isEqualTo("bic");
    assertThat(row.get(header.indexOf("k_range"))).isEqualTo("2-6");
    assertThat(row.get(header.indexOf("k_tried"))).isEqualTo("2 3 4 6");
    assertThat(row.get(header.indexOf("k"))).isEqualTo(Integer.toString(k));
    assertThat(row.get(header.indexOf("quality_target"))).isEmpty();
  }

  @Test
  void verboseOffATerminalPrintsEachKAsItIsFittedAndStandardOutputStaysJson() throws IOException {
    Path in = clouds("clouds.png");
    CliRun run = CliRun.of(autoK(in, "--json", "--verbose"));
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> out = run.out().lines().toList();
    assertThat(out).hasSize(1);
    assertThat(out.get(0)).startsWith("{\"input\":").endsWith("}").doesNotContain("squish: ");
    List<String> err = run.err().lines().toList();
    assertThat(err).hasSize(5);
    assertThat(err.get(0)).isEqualTo("squish: " + in + ": choosing k by BIC over 2-6, 4 tries: k = 2 3 4 6");
    int[] ks = {2, 3, 4, 6};
    for (int i = 0; i < ks.length; i++) {
      String bic = String.format(Locale.ROOT, "%.1f", bicOfRow(out.get(0), ks[i]));
      assertThat(err.get(i + 1))
          .startsWith("squish: " + in + ": k = " + ks[i] + " (" + (i + 1) + " of 4): BIC " + bic + ", log-likelihood -")
          .containsPattern(" per pixel, PSNR \\d+\\.\\d\\d dB, \\d+ components?, \\d+ iterations");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"-q", "--quiet --verbose"})
  void quietPrintsNothingDuringOrAfterTheSearch(String quiet) throws IOException {
    Path in = clouds("clouds.png");
    CliRun run = CliRun.of(autoK(in, quiet.split(" ")));
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
    assertThat(dir.resolve("auto.png")).exists();
  }

  @Test
  void onATerminalTheProgressBarStandsForTheStartLineAndVerboseLinesScrollAboveIt() throws IOException {
    Path a = clouds("p/a.png");
    Path b = clouds("p/b.png");
    String[] args = {dir.resolve("p").toString(), "--method", "em", "--k", "auto", "--k-range", "2-3", "--jobs", "1",
        "--output-dir", dir.resolve("out").toString(), "--force"};
    CliRun plain = CliRun.in(true, AtomicOutput::write, new byte[0], args);
    assertThat(plain.exitCode()).as(plain.err()).isZero();
    assertThat(plain.err()).contains("] 2/2 files");
    assertThat(withoutBar(plain.err())).isEmpty();
    assertThat(plain.out()).contains("k = ", " chosen by BIC over 2-3 ");

    String[] verbose = Arrays.copyOf(args, args.length + 1);
    verbose[args.length] = "--verbose";
    CliRun run = CliRun.in(true, AtomicOutput::write, new byte[0], verbose);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("] 2/2 files");
    List<String> lines = withoutBar(run.err()).lines().toList();
    assertThat(lines).hasSize(6);
    for (int i = 0; i < 2; i++) {
      Path in = i == 0 ? a : b;
      assertThat(lines.get(3 * i)).isEqualTo("squish: " + in + ": choosing k by BIC over 2-3, 2 tries: k = 2 3");
      assertThat(lines.get(3 * i + 1)).startsWith("squish: " + in + ": k = 2 (1 of 2): BIC ");
      assertThat(lines.get(3 * i + 2)).startsWith("squish: " + in + ": k = 3 (2 of 2): BIC ");
    }
  }

  /** Standard error without the progress bar: every erase and every drawing of the bar taken out. */
  private static String withoutBar(String err) {
    return err.replaceAll("\r\u001b\\[K(\\[[#-]+\\] \\d+/\\d+ files  [^\r\n\u001b]*)?", "");
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
    assertThat(help.replaceAll("\\s+", " ")).contains("The result line then says which k BIC chose",
        "with --k auto also a line on standard error for each k as it is fitted", "--k auto progress lines");
  }
}

package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code plot} and {@code serve} subcommands as a user runs them. */
class PlotServeCliTest {

  @Test
  void plotWritesThePngsAndPrintsTheirNames(@TempDir Path dir) throws Exception {
    Path in = TestImages.copyTo(TestImages.GRACE_HOPPER, dir);
    Path out = dir.resolve("plots");
    CliRun r = CliRun.of("plot", in.toString(), "-k", "6", "-d", out.toString(), "--rd-k", "4,16");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.out().lines()).containsExactly(
        out.resolve("mpl-grace_hopper-palette.png").toString(),
        out.resolve("mpl-grace_hopper-cloud.png").toString(),
        out.resolve("mpl-grace_hopper-convergence.png").toString(),
        out.resolve("mpl-grace_hopper-palette.gpl").toString(),
        out.resolve("mpl-grace_hopper-rd.png").toString());
    assertThat(r.err()).contains("rate-distortion: kmeans   k=4", "rate-distortion: kmeans   k=16");
    for (String name : r.out().lines().filter(n -> n.endsWith(".png")).toList()) {
      assertThat(Files.size(Path.of(name))).isGreaterThan(5000);
    }
    CliRun again = CliRun.of("plot", in.toString(), "-d", out.toString(), "--no-rd");
    assertThat(again.exitCode()).isEqualTo(ExitCode.ALL_FAILED.code());
    assertThat(again.err()).contains("mpl-grace_hopper-palette.png exists; use --force to overwrite it");
    assertThat(CliRun.of("plot", in.toString(), "-d", out.toString(), "--no-rd", "--force", "-q").exitCode())
        .isEqualTo(0);
  }

  @Test
  void anExistingPlotFileIsRefusedBeforeAnyWorkAndNothingElseIsWritten(@TempDir Path dir) throws Exception {
    Path in = TestImages.copyTo(TestImages.GRACE_HOPPER, dir);
    Path out = Files.createDirectories(dir.resolve("plots"));
    Path rd = Files.writeString(out.resolve("mpl-grace_hopper-rd.png"), "an earlier chart");
    CliRun r = CliRun.of("plot", in.toString(), "-k", "6", "-d", out.toString(), "--rd-k", "4,16");
    assertThat(r.exitCode()).isEqualTo(ExitCode.ALL_FAILED.code());
    assertThat(r.err()).contains("mpl-grace_hopper-rd.png exists; use --force to overwrite it")
        .doesNotContain("rate-distortion:");
    try (var files = Files.list(out)) {
      assertThat(files.toList()).containsExactly(rd);
    }
    assertThat(Files.readString(rd)).isEqualTo("an earlier chart");
  }

  /** The default sweep is short (k-means at a few k, nothing slow) and what --help says it is. */
  @Test
  void theDefaultSweepIsTheOneTheHelpNames(@TempDir Path dir) {
    Path in = TestImages.copyTo(TestImages.GRACE_HOPPER, dir);
    CliRun r = CliRun.of("plot", in.toString(), "-k", "6", "-d", dir.resolve("plots").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> expected = new ArrayList<>();
    for (String m : PlotCommand.DEFAULT_RD_METHODS.split(",")) {
      for (String k : PlotCommand.DEFAULT_RD_KS.split(",")) {
        expected.add(m + " k=" + k);
      }
    }
    assertThat(expected).containsExactly("kmeans k=4", "kmeans k=16", "kmeans k=64", "kmeans k=256");
    assertThat(swept(r)).isEqualTo(expected);
    String help = CliRun.of("plot", "--help").out().replaceAll("\\s+", " ");
    assertThat(help).contains("(default: " + PlotCommand.DEFAULT_RD_KS + ";",
        "(default: " + PlotCommand.DEFAULT_RD_METHODS + ";");
  }

  @Test
  void theFullSweepAddsEmAndPngquantAndTheListsStillChoose(@TempDir Path dir) {
    Path in = TestImages.copyTo(TestImages.GRACE_HOPPER, dir);
    CliRun r = CliRun.of("plot", in.toString(), "-k", "6", "-d", dir.resolve("plots").toString(), "--full-sweep",
        "--rd-k", "2,4");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> squish = swept(r).stream().filter(p -> !p.startsWith("pngquant")).toList();
    assertThat(squish).containsExactly("kmeans k=2", "kmeans k=4", "em k=2", "em k=4");
    assertThat(r.err()).containsAnyOf("rate-distortion: pngquant k=4", "no pngquant on the PATH");
    CliRun kmeansOnly = CliRun.of("plot", in.toString(), "-d", dir.resolve("plots").toString(), "--force",
        "--full-sweep", "--rd-k", "8", "--rd-methods", "kmeans");
    assertThat(swept(kmeansOnly)).containsExactly("kmeans k=8");
  }

  /** The points of the rate-distortion sweep a run reported, as {@code "kmeans k=4"}. */
  private static List<String> swept(CliRun r) {
    List<String> points = new ArrayList<>();
    Matcher m = Pattern.compile("rate-distortion: (\\S+)\\s+k=(\\d+) ").matcher(r.err());
    while (m.find()) {
      points.add(m.group(1) + " k=" + m.group(2));
    }
    return points;
  }

  @Test
  void plotRejectsBadValuesAsUsageErrors(@TempDir Path dir) throws Exception {
    Path in = TestImages.copyTo(TestImages.GRACE_HOPPER, dir);
    CliRun badK = CliRun.of("plot", in.toString(), "--rd-k", "4,300");
    assertThat(badK.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(badK.err()).contains("--rd-k values must be from 1 to 256, got 300");
    CliRun badMethod = CliRun.of("plot", in.toString(), "--rd-methods", "kmeans,octree");
    assertThat(badMethod.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(badMethod.err()).contains("--rd-methods: unknown method 'octree' (kmeans, em or pngquant)");
    CliRun missing = CliRun.of("plot", dir.resolve("nope.png").toString(), "-d", dir.toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCode.ALL_FAILED.code());
    assertThat(missing.err()).contains("nope.png: no such file");
  }

  @Test
  void helpListsTheSubcommandsAndServeChecksItsOptions() {
    CliRun help = CliRun.of("--help");
    assertThat(help.out()).contains("serve", "plot");
    CliRun serveHelp = CliRun.of("serve", "--help");
    assertThat(serveHelp.exitCode()).isEqualTo(0);
    assertThat(serveHelp.out()).contains("--port", "127.0.0.1", "--max-upload-mb", "--max-pixels");
    CliRun badPort = CliRun.of("serve", "--port", "70000");
    assertThat(badPort.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(badPort.err()).contains("--port must be from 0 to 65535, got 70000");
  }
}

package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code plot} and {@code serve} subcommands as a user runs them. */
class PlotServeCliTest {

  @Test
  void plotWritesThePngsAndPrintsTheirNames(@TempDir Path dir) throws Exception {
    Path in = TestImages.copyTo(TestImages.GRACE_HOPPER, dir);
    Path out = dir.resolve("plots");
    CliRun r = CliRun.of("plot", in.toString(), "-k", "6", "-d", out.toString(), "--rd-k", "4,16", "--no-pngquant");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.out().lines()).containsExactly(
        out.resolve("mpl-grace_hopper-palette.png").toString(),
        out.resolve("mpl-grace_hopper-cloud.png").toString(),
        out.resolve("mpl-grace_hopper-convergence.png").toString(),
        out.resolve("mpl-grace_hopper-rd.png").toString());
    assertThat(r.err()).contains("rate-distortion: kmeans   k=4", "rate-distortion: kmeans   k=16");
    for (String name : r.out().lines().toList()) {
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
    CliRun r = CliRun.of("plot", in.toString(), "-k", "6", "-d", out.toString(), "--rd-k", "4,16", "--no-pngquant");
    assertThat(r.exitCode()).isEqualTo(ExitCode.ALL_FAILED.code());
    assertThat(r.err()).contains("mpl-grace_hopper-rd.png exists; use --force to overwrite it")
        .doesNotContain("rate-distortion:");
    try (var files = Files.list(out)) {
      assertThat(files.toList()).containsExactly(rd);
    }
    assertThat(Files.readString(rd)).isEqualTo("an earlier chart");
  }

  @Test
  void plotRejectsBadValuesAsUsageErrors(@TempDir Path dir) throws Exception {
    Path in = TestImages.copyTo(TestImages.GRACE_HOPPER, dir);
    CliRun badK = CliRun.of("plot", in.toString(), "--rd-k", "4,300");
    assertThat(badK.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(badK.err()).contains("--rd-k values must be from 1 to 256, got 300");
    CliRun badMethod = CliRun.of("plot", in.toString(), "--rd-methods", "kmeans,octree");
    assertThat(badMethod.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(badMethod.err()).contains("--rd-methods: unknown method 'octree'");
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

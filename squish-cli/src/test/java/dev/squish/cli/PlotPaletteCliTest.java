package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.image.Palette;
import dev.squish.io.palette.PaletteFiles;
import dev.squish.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code squish plot} and palettes: a given palette drawn without a fit, and the palette used written out. */
class PlotPaletteCliTest {
  @TempDir
  Path dir;

  @Test
  void aGivenPaletteIsDrawnAndWhatNeedsAFitIsLeftOutWithOneLine() throws Exception {
    Path in = TestImages.copyTo(TestImages.CHELSEA, dir);
    Palette eight = Palette.of(0xFF000000, 0xFFFFFFFF, 0xFF806040, 0xFFC0A080, 0xFF404040, 0xFFA0A0A0, 0xFF60A0C0,
        0xFFE0C060);
    Path pal = dir.resolve("eight.hex");
    PaletteFiles.write(eight, pal);
    Path out = dir.resolve("plots");
    CliRun r = CliRun.of("plot", in.toString(), "--palette", pal.toString(), "-d", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().lines()).containsExactly(out.resolve("skimage-chelsea-palette.png").toString(),
        out.resolve("skimage-chelsea-cloud.png").toString(), out.resolve("skimage-chelsea-palette.gpl").toString());
    assertThat(r.err().lines().toList()).containsExactly("squish: plot: --palette gives the palette, nothing is"
        + " fitted: no convergence chart and no rate-distortion sweep");
    Set<Integer> given = new HashSet<>();
    for (int c : eight.colors()) {
      given.add(c);
    }
    Set<Integer> written = new HashSet<>();
    for (int c : PaletteFiles.read(out.resolve("skimage-chelsea-palette.gpl")).colors()) {
      written.add(c);
    }
    assertThat(written).isEqualTo(given);
  }

  /** The palette file a plot writes is the palette squish writes for the same options. */
  @Test
  void thePlotsPaletteFileIsThePaletteOfTheOutput() throws Exception {
    Path in = TestImages.copyTo(TestImages.BABOON, dir);
    Path out = dir.resolve("plots");
    assertThat(CliRun.of("plot", in.toString(), "-k", "12", "-d", out.toString(), "--no-rd", "-q").exitCode())
        .isZero();
    Path png = dir.resolve("b.png");
    assertThat(CliRun.of(in.toString(), "-k", "12", "-o", png.toString()).exitCode()).isZero();
    Set<Integer> plotted = new HashSet<>();
    for (int c : PaletteFiles.read(out.resolve("opencv-baboon-palette.gpl")).colors()) {
      plotted.add(c);
    }
    assertThat(plotted).isEqualTo(PaletteImages.colours(png));
  }

  @Test
  void aPaletteWithAlphaIsWrittenAsHex() throws Exception {
    Path in = TestImages.copyTo(TestImages.LOGO_TRANSPARENT, dir);
    Path out = dir.resolve("plots");
    CliRun r = CliRun.of("plot", in.toString(), "-k", "8", "-d", out.toString(), "--no-rd");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path hex = out.resolve("skimage-logo-transparent-palette.hex");
    assertThat(r.out().lines()).contains(hex.toString());
    assertThat(PaletteFiles.read(hex).hasAlpha()).isTrue();
    assertThat(Files.exists(out.resolve("skimage-logo-transparent-palette.gpl"))).isFalse();
  }
}

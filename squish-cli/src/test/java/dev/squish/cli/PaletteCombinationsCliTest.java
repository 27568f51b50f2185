package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.compress.AnimationPalette;
import dev.squish.compress.CompressOptions;
import dev.squish.compress.PaletteFit;
import dev.squish.image.Palette;
import dev.squish.io.gif.GifAnimation;
import dev.squish.io.palette.PaletteFiles;
import dev.squish.quantize.Method;
import dev.squish.testkit.TestGifs;
import dev.squish.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The palette options together with transparency and animations: kept colours that leave no room,
 * a palette saved from an animation, a shared palette over an animation's frames, and the
 * combinations that cannot mean anything.
 */
class PaletteCombinationsCliTest {
  @TempDir
  Path dir;

  private static void assertOneLine(CliRun run) {
    assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).doesNotContain("internal error").doesNotContain("\tat ");
  }

  /** k kept colours leave no entry for the transparent pixels: the file fails in one line, nothing written. */
  @Test
  void keptColoursFillingKOnATransparentImageFailInOneLine() {
    Path in = TestImages.copyTo(TestImages.LOGO_TRANSPARENT, dir);
    Path out = dir.resolve("out.png");
    CliRun run = CliRun.of(in.toString(), "-k", "2", "--keep", "#d81b60,#1e88e5", "-o", out.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.ALL_FAILED.code());
    assertOneLine(run);
    assertThat(run.err()).contains("2 kept colours and the transparent entry need 3 palette entries but k is 2");
    assertThat(Files.exists(out)).isFalse();
  }

  /** The same with --shared-palette, where the fit is one for all: one line, no output at all. */
  @Test
  void keptColoursFillingKInASharedPaletteFailInOneLine() {
    Path in = TestImages.copyTo(TestImages.LOGO_TRANSPARENT, dir);
    Path outDir = dir.resolve("out");
    CliRun run = CliRun.of(in.toString(), "-k", "2", "--keep", "#d81b60,#1e88e5", "--shared-palette",
        "--output-dir", outDir.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.ALL_FAILED.code());
    assertOneLine(run);
    assertThat(run.err()).startsWith("squish: --shared-palette: ");
    assertThat(Files.exists(outDir)).isFalse();
  }

  /** An animation with k kept colours at a power-of-two k: no entry is reserved, the kept colours are written. */
  @Test
  void anAnimationKeepsKColoursWithoutReservingAnEntry() throws Exception {
    Path in = TestGifs.copyTo(TestGifs.TINY, dir);
    Path out = dir.resolve("out.gif");
    CliRun run = CliRun.of(in.toString(), "-k", "4", "--keep", "#d81b60,#1e88e5,#00c853,#ffffff", "-o",
        out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Set<Integer> colours = new HashSet<>();
    AnimatedGifCliTest.frames(AnimatedGifCliTest.read(out)).forEach(f -> {
      for (int c : f.copyArgb()) {
        colours.add(c);
      }
    });
    assertThat(Set.of(0xFFD81B60, 0xFF1E88E5, 0xFF00C853, 0xFFFFFFFF)).containsAll(colours);
  }

  /** --save-palette with an animation writes the palette all its frames share. */
  @Test
  void anAnimationsSharedPaletteIsSaved() throws Exception {
    Path in = TestGifs.copyTo(TestGifs.PAN, dir);
    Path out = dir.resolve("out.gif");
    Path pal = dir.resolve("anim.hex");
    CliRun run = CliRun.of(in.toString(), "-k", "32", "-o", out.toString(), "--save-palette", pal.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Palette saved = PaletteFiles.read(pal);
    Set<Integer> entries = new HashSet<>();
    for (int c : saved.colors()) {
      entries.add(c);
    }
    AnimatedGifCliTest.frames(AnimatedGifCliTest.read(out)).forEach(f -> {
      for (int c : f.copyArgb()) {
        assertThat(entries).contains(c);
      }
    });
  }

  /** --frame-palettes gives each frame its own palette: there is none to save, and the file says so. */
  @Test
  void savingThePaletteOfFramePalettesIsRefused() {
    Path in = TestGifs.copyTo(TestGifs.PAN, dir);
    Path out = dir.resolve("out.gif");
    Path pal = dir.resolve("anim.hex");
    CliRun run = CliRun.of(in.toString(), "-k", "32", "--frame-palettes", "-o", out.toString(), "--save-palette",
        pal.toString());
    assertThat(run.exitCode()).isNotZero();
    assertOneLine(run);
    assertThat(run.err()).contains("--frame-palettes gives each frame its own");
    assertThat(Files.exists(out)).isFalse();
    assertThat(Files.exists(pal)).isFalse();
  }

  /** A shared palette over an animation is fitted to all its frames, not to the first frame alone. */
  @Test
  void aSharedPaletteCountsEveryFrameOfAnAnimation() throws Exception {
    Path in = TestGifs.copyTo(TestGifs.PAN, dir);
    Path pal = dir.resolve("shared.hex");
    CliRun run = CliRun.of(in.toString(), "-k", "16", "--format", "gif", "--shared-palette", "--output-dir",
        dir.resolve("out").toString(), "--save-palette", pal.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    GifAnimation a = AnimatedGifCliTest.read(in);
    AnimationPalette[] all = {AnimationPalette.empty()};
    a.forEach(f -> all[0] = all[0].with(f.image()));
    PaletteFit expected = PaletteFit.of(all[0].histogram(), CompressOptions.of(Method.kMeans(16)));
    PaletteFit firstOnly = PaletteFit.of(AnimationPalette.empty().with(a.frame(1).image()).histogram(),
        CompressOptions.of(Method.kMeans(16)));
    assertThat(expected.palette()).as("the test needs frames that differ").isNotEqualTo(firstOnly.palette());
    assertThat(PaletteFiles.read(pal)).isEqualTo(expected.palette());
  }

  @Test
  void framePalettesWithAGivenOrSharedPaletteAreUsageErrors() throws Exception {
    Path in = TestGifs.copyTo(TestGifs.PAN, dir);
    Path pal = dir.resolve("p.hex");
    Files.writeString(pal, "#000000\n#ffffff\n");
    CliRun given = CliRun.of(in.toString(), "--palette", pal.toString(), "--frame-palettes", "-o",
        dir.resolve("a.gif").toString());
    assertThat(given.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(given.err()).contains("--frame-palettes fits a palette per frame and --palette gives one");
    CliRun shared = CliRun.of(in.toString(), "--shared-palette", "--frame-palettes", "--format", "gif",
        "--output-dir", dir.resolve("b").toString());
    assertThat(shared.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(shared.err()).contains("--shared-palette fits one palette to all inputs and --frame-palettes");
  }

  @Test
  void aPaletteFileNamedAsTheOutputIsAUsageError() {
    Path in = TestImages.copyTo(TestImages.CHELSEA, dir);
    Path out = dir.resolve("out.png");
    CliRun run = CliRun.of(in.toString(), "-k", "8", "-o", out.toString(), "--save-palette", out.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("is also an output");
    assertThat(Files.exists(out)).isFalse();
  }
}

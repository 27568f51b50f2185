package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.image.Palette;
import dev.squish.io.palette.PaletteFiles;
import dev.squish.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --save-palette FILE}: the palette written, in every format, given back, and what is refused. */
class SavePaletteCliTest {
  @TempDir
  Path dir;

  private static Set<Integer> set(Palette p) {
    Set<Integer> s = new HashSet<>();
    for (int c : p.colors()) {
      s.add(c);
    }
    return s;
  }

  @ParameterizedTest
  @ValueSource(strings = {".gpl", ".act", ".hex", ".json", ".png"})
  void savedPaletteHoldsTheColoursOfTheOutput(String ext) throws Exception {
    Path in = TestImages.copyTo(TestImages.BABOON, dir);
    Path out = dir.resolve("out.png");
    Path pal = dir.resolve("pal" + ext);
    CliRun run = CliRun.of(in.toString(), "-k", "16", "-o", out.toString(), "--save-palette", pal.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Palette saved = PaletteFiles.read(pal);
    assertThat(saved.size()).isEqualTo(16);
    assertThat(set(saved)).isEqualTo(PaletteImages.colours(out));
  }

  /**
   * A fitted palette saved, then given back: the same bytes, dithered too. It holds because a fit's final
   * assignment and a given palette break ties alike (an exact tie goes to the entry whose
   * coordinates come first, whatever the palette's order), and the saved palette is in writing
   * order, which a remap to it keeps.
   */
  @ParameterizedTest
  @ValueSource(strings = {"--method kmeans -k 16", "--method kmeans -k 64", "--method kmeans -k 16 --space oklab",
      "--method em -k 16", "--method kmeans -k 16 --dither fs"})
  void savedPaletteGivenBackRepeatsTheOutputByteForByte(String options) throws Exception {
    List<String> fit = List.of(options.split(" "));
    List<String> rest = fit.subList(4, fit.size()); // what a given palette takes too: --space, --dither
    String o = options.replaceAll("\\W", "");
    for (String photo : List.of(TestImages.CHELSEA, TestImages.BABOON)) {
      Path in = TestImages.copyTo(photo, dir);
      Path fitted = dir.resolve("fitted-" + o + photo + ".png");
      Path pal = dir.resolve("p-" + o + photo + ".hex");
      Path again = dir.resolve("again-" + o + photo + ".png");
      List<String> first = new ArrayList<>(List.of(in.toString(), "-o", fitted.toString(), "--save-palette",
          pal.toString()));
      first.addAll(fit);
      assertThat(CliRun.of(first.toArray(String[]::new)).exitCode()).isZero();
      List<String> second = new ArrayList<>(List.of(in.toString(), "--palette", pal.toString(), "-o",
          again.toString()));
      second.addAll(rest);
      assertThat(CliRun.of(second.toArray(String[]::new)).exitCode()).isZero();
      assertThat(Files.readAllBytes(again)).as("%s %s", photo, options).isEqualTo(Files.readAllBytes(fitted));
    }
  }

  /** A given palette saved again and given back: nothing is fitted either time, so the bytes are the same. */
  @Test
  void givenPaletteSavedAndGivenBackRepeatsByteForByte() throws Exception {
    Path in = TestImages.copyTo(TestImages.BABOON, dir);
    Path first = dir.resolve("first.png");
    Path p1 = dir.resolve("p1.gpl");
    assertThat(CliRun.of(in.toString(), "-k", "24", "-o", first.toString(), "--save-palette", p1.toString())
        .exitCode()).isZero();
    Path second = dir.resolve("second.png");
    Path p2 = dir.resolve("p2.act");
    assertThat(CliRun.of(in.toString(), "--palette", p1.toString(), "-o", second.toString(), "--save-palette",
        p2.toString()).exitCode()).isZero();
    Path third = dir.resolve("third.png");
    assertThat(CliRun.of(in.toString(), "--palette", p2.toString(), "-o", third.toString()).exitCode()).isZero();
    assertThat(Files.readAllBytes(third)).isEqualTo(Files.readAllBytes(second));
  }

  @Test
  void anExistingPaletteFileIsKeptWithoutForceAndReplacedWithIt() throws Exception {
    Path in = TestImages.copyTo(TestImages.CHELSEA, dir);
    Path pal = Files.writeString(dir.resolve("p.gpl"), "mine");
    Path out = dir.resolve("out.png");
    CliRun refused = CliRun.of(in.toString(), "-o", out.toString(), "--save-palette", pal.toString());
    assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(refused.err().lines().findFirst().orElseThrow())
        .isEqualTo("squish: --save-palette " + pal + " exists; use --force to overwrite it");
    assertThat(Files.readString(pal)).isEqualTo("mine");
    assertThat(out).doesNotExist();
    assertThat(CliRun.of(in.toString(), "-o", out.toString(), "--save-palette", pal.toString(), "--force")
        .exitCode()).isZero();
    assertThat(PaletteFiles.read(pal).size()).isEqualTo(256);
  }

  @Test
  void anUnknownExtensionIsAUsageErrorListingTheFormats() {
    Path in = TestImages.copyTo(TestImages.CHELSEA, dir);
    CliRun run = CliRun.of(in.toString(), "-o", dir.resolve("o.png").toString(), "--save-palette",
        dir.resolve("p.txt").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err().lines().findFirst().orElseThrow())
        .isEqualTo("squish: --save-palette must end in .gpl, .act, .hex, .json, .png, got '" + dir.resolve("p.txt")
            + "'");
    assertThat(dir.resolve("o.png")).doesNotExist();
  }

  @Test
  void severalInputsWithoutASharedPaletteAreRefused() throws Exception {
    Path a = TestImages.copyTo(TestImages.CHELSEA, dir);
    Path b = TestImages.copyTo(TestImages.BABOON, dir);
    Path pal = dir.resolve("p.gpl");
    CliRun run = CliRun.of(a.toString(), b.toString(), "--output-dir", dir.resolve("o").toString(),
        "--save-palette", pal.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err().lines().findFirst().orElseThrow()).startsWith("squish: --save-palette writes one palette,"
        + " but there are 2 inputs").endsWith("add --shared-palette");
    assertThat(pal).doesNotExist();
    assertThat(dir.resolve("o")).doesNotExist();
  }

  /** GIMP palettes have no alpha: the transparent logo's palette cannot be one, so neither file is written. */
  @Test
  void aPaletteTheFormatCannotHoldWritesNeitherFile() {
    Path in = TestImages.copyTo(TestImages.LOGO_TRANSPARENT, dir);
    Path out = dir.resolve("logo.png");
    Path pal = dir.resolve("logo.gpl");
    CliRun run = CliRun.of(in.toString(), "-k", "16", "-o", out.toString(), "--save-palette", pal.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.ALL_FAILED.code());
    assertThat(run.err().lines().toList()).hasSize(1);
    assertThat(run.err()).startsWith("squish: " + in + ": cannot save the palette: " + pal + ": ");
    assertThat(out).doesNotExist();
    assertThat(pal).doesNotExist();
  }
}

package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.image.Palette;
import dev.squish.io.palette.PaletteFiles;
import dev.squish.testkit.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --palette FILE}: remapping to a palette from a file, in every format, and what is refused with it. */
class GivenPaletteCliTest {
  /** Twelve colours a user might bring: black, white, greys and the 8 corners of a softened RGB cube. */
  private static final Palette TWELVE = Palette.of(0xFF000000, 0xFFFFFFFF, 0xFF555555, 0xFFAAAAAA, 0xFFC03020,
      0xFF30A040, 0xFF2040B0, 0xFFE0C040, 0xFF40B0C0, 0xFFA040A0, 0xFF805030, 0xFFE0A080);

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
  void outputHasOnlyTheColoursOfThePaletteFile(String ext) throws Exception {
    Path in = TestImages.copyTo(TestImages.BABOON, dir);
    Path pal = dir.resolve("brand" + ext);
    PaletteFiles.write(TWELVE, pal);
    Path out = dir.resolve("out.png");
    CliRun run = CliRun.of(in.toString(), "--palette", pal.toString(), "-o", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("out.png");
    Set<Integer> used = PaletteImages.colours(out);
    assertThat(set(TWELVE)).containsAll(used);
    assertThat(used.size()).as("a photo uses most of a 12-colour palette").isGreaterThanOrEqualTo(8);
  }

  @Test
  void ditheringPicksAmongTheGivenColoursAndChangesThePixels() throws Exception {
    Path in = TestImages.copyTo(TestImages.CHELSEA, dir);
    Path pal = dir.resolve("p.hex");
    PaletteFiles.write(TWELVE, pal);
    Path plain = dir.resolve("plain.png");
    Path fs = dir.resolve("fs.png");
    assertThat(CliRun.of(in.toString(), "--palette", pal.toString(), "-o", plain.toString()).exitCode()).isZero();
    assertThat(CliRun.of(in.toString(), "--palette", pal.toString(), "--dither", "fs", "-o", fs.toString())
        .exitCode()).isZero();
    assertThat(set(TWELVE)).containsAll(PaletteImages.colours(fs));
    assertThat(PaletteImages.argb(fs)).isNotEqualTo(PaletteImages.argb(plain));
  }

  @Test
  void anImageOfFewColoursIsAPalette() throws Exception {
    Path in = TestImages.copyTo(TestImages.CHELSEA, dir);
    Path first = dir.resolve("first.png");
    assertThat(CliRun.of(in.toString(), "-k", "8", "-o", first.toString()).exitCode()).isZero();
    Path out = dir.resolve("again.png");
    CliRun run = CliRun.of(TestImages.copyTo(TestImages.BABOON, dir).toString(), "--palette", first.toString(),
        "-o", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(PaletteImages.colours(first)).containsAll(PaletteImages.colours(out));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-k 8", "--k 16", "--method em", "--method kmeans", "--covariance diag", "--assign map",
      "--k-range 2-8", "--quality 30-40", "--max-delta-e 3"})
  void fittingOptionsAreRefusedWithAGivenPalette(String option) throws Exception {
    Path in = TestImages.copyTo(TestImages.CHELSEA, dir);
    Path pal = dir.resolve("p.gpl");
    PaletteFiles.write(TWELVE, pal);
    Path out = dir.resolve("out.png");
    String[] parts = option.split(" ");
    CliRun run = CliRun.of(in.toString(), "--palette", pal.toString(), parts[0], parts[1], "-o", out.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    String first = run.err().lines().findFirst().orElseThrow();
    String name = parts[0].equals("-k") ? "--k" : parts[0];
    assertThat(first).startsWith("squish: --palette gives the palette; it cannot be combined with " + name);
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(out).doesNotExist();
  }

  /** The file's problem as PaletteFiles words it, after the option and the file's name; nothing written. */
  @Test
  void badPaletteFilesAreUsageErrorsNamingTheFileAndTheReason() throws Exception {
    Path in = TestImages.copyTo(TestImages.CHELSEA, dir);
    Path empty = Files.write(dir.resolve("empty.gpl"), new byte[0]);
    Path malformed = Files.writeString(dir.resolve("bad.hex"), "#102030\nzzz\n", StandardCharsets.UTF_8);
    Path twice = Files.writeString(dir.resolve("twice.hex"), "#102030\n#405060\n#102030\n", StandardCharsets.UTF_8);
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      many.append(String.format("#%06x%n", i * 97));
    }
    Path tooMany = Files.writeString(dir.resolve("many.hex"), many, StandardCharsets.UTF_8);
    Path photo = TestImages.copyTo(TestImages.BABOON, dir);
    Path missing = dir.resolve("missing.gpl");
    for (Path bad : List.of(empty, malformed, twice, tooMany, photo, missing)) {
      Path out = dir.resolve("out.png");
      CliRun run = CliRun.of(in.toString(), "--palette", bad.toString(), "-o", out.toString());
      String expected;
      try {
        PaletteFiles.read(bad);
        throw new AssertionError(bad + " was read");
      } catch (dev.squish.io.palette.PaletteFileException e) {
        expected = e.reason();
      }
      assertThat(run.exitCode()).as(bad.toString()).isEqualTo(ExitCode.USAGE.code());
      assertThat(run.err().lines().findFirst().orElseThrow())
          .isEqualTo("squish: --palette " + bad + ": " + expected);
      assertThat(run.err()).doesNotContain("\tat ");
      assertThat(out).doesNotExist();
    }
  }

  @Test
  void reportNamesTheGivenPaletteFile() throws Exception {
    Path in = TestImages.copyTo(TestImages.CHELSEA, dir);
    Path pal = dir.resolve("p.json");
    PaletteFiles.write(TWELVE, pal);
    Path report = dir.resolve("r.json");
    assertThat(CliRun.of(in.toString(), "--palette", pal.toString(), "-o", dir.resolve("o.png").toString(),
        "--report", report.toString()).exitCode()).isZero();
    String json = Files.readString(report);
    assertThat(json).contains("\"method\":\"given\",\"k\":12").contains("\"palette_file\":\"" + pal + "\"");
  }
}

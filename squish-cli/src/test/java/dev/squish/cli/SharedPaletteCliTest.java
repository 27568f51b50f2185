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

/** {@code --shared-palette}: one palette for sprites and pan frames cut from real photos. */
class SharedPaletteCliTest {
  @TempDir
  Path dir;

  private static Set<Integer> set(Palette p) {
    Set<Integer> s = new HashSet<>();
    for (int c : p.colors()) {
      s.add(c);
    }
    return s;
  }

  private static List<String> args(List<Path> inputs, String... more) {
    List<String> a = new ArrayList<>();
    inputs.forEach(p -> a.add(p.toString()));
    a.addAll(List.of(more));
    return a;
  }

  private static CliRun run(List<String> args) {
    return CliRun.of(args.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"kmeans", "em"})
  void everySpriteIsRemappedToTheOneSavedPalette(String method) throws Exception {
    List<Path> sprites = PaletteImages.sprites(dir.resolve("in"));
    Path out = dir.resolve("out");
    Path pal = dir.resolve("shared.hex");
    CliRun r = run(args(sprites, "--shared-palette", "-k", "16", "--method", method, "--output-dir", out.toString(),
        "--save-palette", pal.toString()));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("shared palette: 16 colours fitted to 6 images (weight: pixels), saved to " + pal);
    Set<Integer> shared = set(PaletteFiles.read(pal));
    assertThat(shared).hasSize(16);
    Set<Integer> used = new HashSet<>();
    for (Path s : sprites) {
      Set<Integer> colours = PaletteImages.colours(out.resolve(s.getFileName()));
      assertThat(shared).containsAll(colours);
      used.addAll(colours);
    }
    assertThat(used).as("the sprites together use the whole palette").isEqualTo(shared);
  }

  @Test
  void ditheredFramesUseOnlyTheSharedColours() throws Exception {
    List<Path> frames = PaletteImages.pan(dir.resolve("in"), 6);
    Path out = dir.resolve("out");
    Path pal = dir.resolve("shared.json");
    CliRun r = run(args(frames, "--shared-palette", "-k", "32", "--dither", "fs", "--output-dir", out.toString(),
        "--save-palette", pal.toString(), "--format", "gif"));
    assertThat(r.exitCode()).as(r.err()).isZero();
    Set<Integer> shared = set(PaletteFiles.read(pal));
    for (Path f : frames) {
      String name = f.getFileName().toString().replace(".png", ".gif");
      assertThat(shared).containsAll(PaletteImages.colours(out.resolve(name)));
    }
  }

  /** The palette is fitted to a sum in the canonical order of the colours, so order and threads change nothing. */
  @Test
  void bytesAreTheSameInReversedOrderAndOnOneOrTwoJobs() throws Exception {
    List<Path> sprites = PaletteImages.sprites(dir.resolve("in"));
    List<Path> reversed = new ArrayList<>(sprites);
    java.util.Collections.reverse(reversed);
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertThat(run(args(sprites, "--shared-palette", "-k", "24", "--jobs", "1", "--output-dir", a.toString()))
        .exitCode()).isZero();
    assertThat(run(args(reversed, "--shared-palette", "-k", "24", "--jobs", "2", "--output-dir", b.toString()))
        .exitCode()).isZero();
    for (Path s : sprites) {
      assertThat(Files.readAllBytes(b.resolve(s.getFileName()))).as(s.getFileName().toString())
          .isEqualTo(Files.readAllBytes(a.resolve(s.getFileName())));
    }
  }

  /**
   * A 48×48 crop of the baboon's blue cheek beside the 451×300 cat: by pixels the cheek is 1.7% of the
   * histogram and gets little of the palette; with every image weighing the same it gets its share,
   * and its PSNR goes up.
   */
  @Test
  void imageWeightMovesThePaletteTowardsASmallImage() throws Exception {
    Path cat = TestImages.copyTo(TestImages.CHELSEA, dir);
    Path cheek = PaletteImages.crop(TestImages.BABOON, 380, 300, 48, 48, dir.resolve("cheek.png"));
    Path px = dir.resolve("px");
    Path img = dir.resolve("img");
    assertThat(run(args(List.of(cat, cheek), "--shared-palette", "-k", "8", "--output-dir", px.toString()))
        .exitCode()).isZero();
    CliRun r = run(args(List.of(cat, cheek), "--shared-palette", "-k", "8", "--shared-weight", "image",
        "--output-dir", img.toString()));
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("(weight: image)");
    int[] original = PaletteImages.argb(cheek);
    double byPixels = PaletteImages.psnr(original, PaletteImages.argb(px.resolve("cheek.png")));
    double byImage = PaletteImages.psnr(original, PaletteImages.argb(img.resolve("cheek.png")));
    assertThat(byImage).as("cheek PSNR by image against by pixels (%.2f dB)", byPixels).isGreaterThan(byPixels + 1);
  }

  @Test
  void jsonReportNamesThePaletteAndSaysItIsShared() throws Exception {
    List<Path> frames = PaletteImages.pan(dir.resolve("in"), 4);
    Path report = dir.resolve("r.json");
    Path pal = dir.resolve("p.hex");
    assertThat(run(args(frames, "--shared-palette", "-k", "8", "--output-dir", dir.resolve("o").toString(),
        "--report", report.toString(), "--save-palette", pal.toString())).exitCode()).isZero();
    String json = Files.readString(report);
    assertThat(json).contains("\"shared_palette\":true", "\"shared_weight\":\"pixels\"", "\"shared_images\":4",
        "\"palette_file\":\"" + pal + "\"", "\"method\":\"kmeans\",\"k\":8");
    StringBuilder hex = new StringBuilder();
    for (int c : PaletteFiles.read(pal).colors()) {
      hex.append(hex.length() == 0 ? "" : ",").append('"').append(SquishCommand.hex(c)).append('"');
    }
    assertThat(json).contains("\"palette\":[" + hex + "]");
  }

  /** A file that does not decode is a failed row; the palette, and so every output, is as without it. */
  @Test
  void aFileThatFailsToDecodeIsLeftOutOfThePalette() throws Exception {
    List<Path> sprites = PaletteImages.sprites(dir.resolve("in"));
    Path broken = Files.write(dir.resolve("in").resolve("sprite-0.png"), TestImages.bytes(TestImages.CHELSEA),
        java.nio.file.StandardOpenOption.CREATE);
    byte[] whole = Files.readAllBytes(broken);
    Files.write(broken, java.util.Arrays.copyOf(whole, whole.length / 3));
    List<Path> with = new ArrayList<>(sprites);
    with.add(0, broken);
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Path report = dir.resolve("r.csv");
    CliRun r = run(args(with, "--shared-palette", "-k", "16", "--output-dir", a.toString(), "--report",
        report.toString()));
    assertThat(r.exitCode()).isEqualTo(ExitCode.SOME_FAILED.code());
    assertThat(r.out()).contains("fitted to 6 images");
    assertThat(r.err().lines().filter(l -> l.startsWith("squish: " + broken + ": ")).count()).isEqualTo(1);
    assertThat(Files.readString(report)).contains(broken + ",,failed,");
    assertThat(a.resolve("sprite-0.png")).doesNotExist();
    assertThat(run(args(sprites, "--shared-palette", "-k", "16", "--output-dir", b.toString())).exitCode()).isZero();
    for (Path s : sprites) {
      assertThat(Files.readAllBytes(a.resolve(s.getFileName()))).isEqualTo(Files.readAllBytes(b.resolve(
          s.getFileName())));
    }
  }

  @Test
  void whatASharedPaletteCannotDoIsRefused() throws Exception {
    List<Path> sprites = PaletteImages.sprites(dir.resolve("in"));
    Path pal = dir.resolve("p.gpl");
    PaletteFiles.write(Palette.of(0xFF000000, 0xFFFFFFFF), pal);
    String o = dir.resolve("o").toString();
    String s1 = sprites.get(0).toString();
    String s2 = sprites.get(1).toString();
    List<List<String>> cases = List.of(
        List.of(s1, s2, "--shared-palette", "--quality", "30-40", "--output-dir", o),
        List.of(s1, s2, "--shared-palette", "--max-delta-e", "3", "--output-dir", o),
        List.of(s1, s2, "--shared-palette", "--palette", pal.toString(), "--output-dir", o),
        List.of("-", "--shared-palette", "-o", dir.resolve("x.png").toString()),
        List.of(s1, s2, "--shared-palette", "--keep-profile", "--output-dir", o),
        List.of(s1, s2, "--shared-palette", "--shared-weight", "area", "--output-dir", o),
        List.of(s1, "--shared-weight", "image", "-o", dir.resolve("x.png").toString()));
    List<String> starts = List.of("squish: --shared-palette cannot be combined with --quality",
        "squish: --shared-palette cannot be combined with --max-delta-e",
        "squish: --shared-palette fits one palette to all inputs; --palette gives one",
        "squish: --shared-palette needs to read each input twice",
        "squish: --shared-palette needs every input in sRGB",
        "squish: --shared-weight must be pixels or image, got 'area'",
        "squish: --shared-weight is used only with --shared-palette");
    for (int i = 0; i < cases.size(); i++) {
      CliRun r = run(cases.get(i));
      assertThat(r.exitCode()).as(cases.get(i).toString()).isEqualTo(ExitCode.USAGE.code());
      assertThat(r.err().lines().findFirst().orElseThrow()).startsWith(starts.get(i));
      assertThat(r.err()).doesNotContain("\tat ");
      assertThat(dir.resolve("o")).doesNotExist();
      assertThat(dir.resolve("x.png")).doesNotExist();
    }
  }

  /** The shared palette is saved before any image: when it cannot be, no image is written. */
  @Test
  void aSharedPaletteThatCannotBeSavedWritesNoImage() throws Exception {
    Path logo = TestImages.copyTo(TestImages.LOGO_TRANSPARENT, dir);
    Path cat = TestImages.copyTo(TestImages.CHELSEA, dir);
    Path pal = dir.resolve("p.gpl");
    CliRun r = run(args(List.of(logo, cat), "--shared-palette", "-k", "8", "--output-dir",
        dir.resolve("o").toString(), "--save-palette", pal.toString()));
    assertThat(r.exitCode()).isEqualTo(ExitCode.ALL_FAILED.code());
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err()).startsWith("squish: cannot save the shared palette: " + pal + ": ")
        .contains("no image was written");
    assertThat(dir.resolve("o")).doesNotExist();
    assertThat(pal).doesNotExist();
  }
}

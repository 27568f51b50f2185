package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.testkit.DistinctPatches;
import dev.squish.testkit.TestImages;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --keep} and {@code --distinct} on the command line: parsing, files, errors, the report. */
class KeepCliTest {
  @TempDir
  Path dir;

  private Path photo() {
    return TestImages.copyTo(TestImages.CHELSEA, dir);
  }

  private static List<Integer> palette(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    IndexColorModel icm = (IndexColorModel) image.getColorModel();
    List<Integer> colours = new ArrayList<>();
    for (int i = 0; i < icm.getMapSize(); i++) {
      colours.add(icm.getRGB(i));
    }
    return colours;
  }

  @ParameterizedTest
  @ValueSource(strings = {"kmeans", "em"})
  void aListOfColoursIsInThePaletteExactly(String method) throws IOException {
    Path out = dir.resolve("out.png");
    CliRun run = CliRun.of("--input", photo().toString(), "--output", out.toString(), "-k", "8", "--method", method,
        "--keep", "#d81b60,#1e88e5");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(palette(out)).contains(0xFFD81B60, 0xFF1E88E5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"brand.gpl", "brand.hex", "brand.act"})
  void aPaletteFileInAnyFormatGivesTheColours(String name) throws IOException {
    Path file = dir.resolve(name);
    switch (name) {
      case "brand.gpl" -> Files.writeString(file, "GIMP Palette\nName: brand\n#\n216  27  96 crimson\n"
          + " 30 136 229 azure\n  0 200  83 green\n", StandardCharsets.UTF_8);
      case "brand.hex" -> Files.writeString(file, "#d81b60\n#1e88e5\n#00c853\n", StandardCharsets.UTF_8);
      default -> {
        byte[] act = new byte[772];
        int[][] rgb = {{0xD8, 0x1B, 0x60}, {0x1E, 0x88, 0xE5}, {0x00, 0xC8, 0x53}};
        for (int i = 0; i < 3; i++) {
          for (int c = 0; c < 3; c++) {
            act[i * 3 + c] = (byte) rgb[i][c];
          }
        }
        act[769] = 3; // colour count, big-endian
        act[770] = (byte) 0xFF;
        act[771] = (byte) 0xFF;
        Files.write(file, act);
      }
    }
    Path out = dir.resolve("out.png");
    CliRun run = CliRun.of("--input", photo().toString(), "--output", out.toString(), "-k", "6", "--keep",
        file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(palette(out)).contains(0xFFD81B60, 0xFF1E88E5, 0xFF00C853);
  }

  @Test
  void moreKeptColoursThanKIsAOneLineUsageError() {
    Path out = dir.resolve("out.png");
    CliRun run = CliRun.of("--input", photo().toString(), "--output", out.toString(), "-k", "4", "--keep",
        "#000001,#000002,#000003,#000004,#000005");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("--keep gives 5 kept colours but k is 4");
    assertThat(run.err().lines().filter(l -> l.startsWith("squish") || l.contains("kept")).count()).isOne();
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(out).doesNotExist();
  }

  @Test
  void aMalformedColourIsAUsageErrorNamingIt() {
    Path out = dir.resolve("out.png");
    CliRun run = CliRun.of("--input", photo().toString(), "--output", out.toString(), "-k", "8", "--keep",
        "#d81b60,#12345");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("--keep").contains("12345");
    assertThat(out).doesNotExist();
  }

  @Test
  void aColourGivenTwiceIsAUsageError() {
    CliRun run = CliRun.of("--input", photo().toString(), "--output", dir.resolve("o.png").toString(), "--keep",
        "#d81b60,#D81B60");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("--keep");
  }

  @Test
  void aMissingOrBadFileIsAUsageErrorNamingTheFile() throws IOException {
    Path missing = dir.resolve("nope.gpl");
    CliRun gone = CliRun.of("--input", photo().toString(), "--output", dir.resolve("o.png").toString(), "--keep",
        missing.toString());
    assertThat(gone.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(gone.err()).contains("--keep").contains(missing.toString()).contains("no such file");
    Path bad = dir.resolve("bad.gpl");
    Files.writeString(bad, "GIMP Palette\n300 1 2 too red\n", StandardCharsets.UTF_8);
    CliRun malformed = CliRun.of("--input", photo().toString(), "--output", dir.resolve("o.png").toString(),
        "--keep", bad.toString());
    assertThat(malformed.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(malformed.err()).contains(bad.toString()).contains("line 2");
    assertThat(dir.resolve("o.png")).doesNotExist();
  }

  @Test
  void theReportListsTheKeptColoursAndTheDistinctMode() throws IOException {
    Path report = dir.resolve("report.json");
    CliRun run = CliRun.of("--input", photo().toString(), "--output", dir.resolve("o.png").toString(), "-k", "8",
        "--keep", "#d81b60", "--distinct", "off", "--report", report.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    String json = Files.readString(report);
    assertThat(json).contains("\"keep\":[\"#ffd81b60\"]").contains("\"distinct\":\"off\"");
  }

  @Test
  void badDistinctModeIsAUsageError() {
    CliRun run = CliRun.of("--input", photo().toString(), "--output", dir.resolve("o.png").toString(),
        "--distinct", "maybe");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("--distinct must be keep or off, got 'maybe'");
  }

  @Test
  void jsonSaysHowManyDistinctColoursGotAnEntryAndOffBringsBackTheLoss() throws IOException {
    DistinctPatches.Image image = DistinctPatches.kodim07();
    Path in = dir.resolve("patches.png");
    TestImages.Pixels px = image.pixels();
    BufferedImage b = new BufferedImage(px.width(), px.height(), BufferedImage.TYPE_INT_RGB);
    b.setRGB(0, 0, px.width(), px.height(), px.argb(), 0, px.width());
    ImageIO.write(b, "png", in.toFile());
    CliRun on = CliRun.of("--input", in.toString(), "--output", dir.resolve("on.png").toString(), "-k", "16",
        "--json");
    CliRun off = CliRun.of("--input", in.toString(), "--output", dir.resolve("off.png").toString(), "-k", "16",
        "--json", "--distinct", "off");
    assertThat(on.exitCode()).as(on.err()).isZero();
    assertThat(number(on.out(), "distinct_colors")).isEqualTo(4);
    assertThat(number(off.out(), "distinct_colors")).isZero();
    List<Integer> kept = palette(dir.resolve("on.png"));
    List<Integer> lost = palette(dir.resolve("off.png"));
    for (DistinctPatches.Patch p : image.patches()) {
      assertThat(kept).as(p.name()).contains(p.argb());
    }
    assertThat(lost).doesNotContainAnyElementsOf(image.patches().stream().map(DistinctPatches.Patch::argb).toList());
  }

  @Test
  void plotTakesKeptColoursAndLeavesOutTheSweepKThatCannotHoldThem() {
    Path plots = dir.resolve("plots");
    CliRun run = CliRun.of("plot", photo().toString(), "-k", "16", "--keep", "#000001,#000002,#000003,#000004,#000005",
        "-d", plots.toString(), "--rd-methods", "kmeans");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("k=4 ").contains("k=16");
    CliRun given = CliRun.of("plot", photo().toString(), "-k", "16", "--keep", "#000001,#000002,#000003",
        "-d", plots.toString(), "--rd-k", "2,16", "--force");
    assertThat(given.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(given.err()).contains("--keep gives 3 kept colours but --rd-k has k = 2");
  }

  private static double number(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":(-?[0-9.Ee+-]+)").matcher(json);
    assertThat(m.find()).as("%s in %s", key, json).isTrue();
    return Double.parseDouble(m.group(1));
  }
}

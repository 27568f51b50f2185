package dev.squish.io.palette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squish.image.Palette;
import dev.squish.testkit.TaggedPng;
import dev.squish.testkit.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Palette files as other programs write them, images as palettes, and what squish writes, byte for byte. */
class PaletteFilesRealFilesTest {
  /** An Adobe Color Table of {@code rgb} (0xRRGGBB) with the count and transparent index, as Photoshop writes it. */
  static byte[] act(int[] rgb, int count, int transparent) {
    byte[] b = new byte[772];
    for (int i = 0; i < rgb.length; i++) {
      b[3 * i] = (byte) (rgb[i] >> 16);
      b[3 * i + 1] = (byte) (rgb[i] >> 8);
      b[3 * i + 2] = (byte) rgb[i];
    }
    b[768] = (byte) (count >> 8);
    b[769] = (byte) count;
    b[770] = (byte) (transparent >> 8);
    b[771] = (byte) transparent;
    return b;
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = PaletteFilesRealFilesTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }

  @Test
  void aGimpPaletteOfTheTangoColours() throws PaletteFileException, URISyntaxException {
    Path tango = Path.of(PaletteFilesRealFilesTest.class.getResource("tango-colours.gpl").toURI());
    Palette p = PaletteFiles.read(tango);
    // 33 rows, the last six repeating colours given before: those are read once, where first given
    assertThat(p.colors()).containsExactly(0xFFFCE94F, 0xFFEDD400, 0xFFC4A000, // Butter
        0xFFFCAF3E, 0xFFF57900, 0xFFCE5C00, // Orange
        0xFFE9B96E, 0xFFC17D11, 0xFF8F5902, // Chocolate
        0xFF8AE234, 0xFF73D216, 0xFF4E9A06, // Chameleon
        0xFF729FCF, 0xFF3465A4, 0xFF204A87, // Sky Blue
        0xFFAD7FA8, 0xFF75507B, 0xFF5C3566, // Plum
        0xFFEF2929, 0xFFCC0000, 0xFFA40000, // Scarlet Red
        0xFFEEEEEC, 0xFFD3D7CF, 0xFFBABDB6, 0xFF888A85, 0xFF555753, 0xFF2E3436); // Aluminium
  }

  @Test
  void aGimpPaletteThatRepeatsColoursKeepsTheFirstOfEach() throws PaletteFileException {
    // as GIMP's gradient palettes are: runs of one colour, and colours that come back later
    byte[] gpl = ("GIMP Palette\nName: ramp\nColumns: 4\n#\n  0   0   0\tUntitled\n  0   0   0\tUntitled\n"
        + "128  64   0\tUntitled\n255 255 255\n  0   0   0\tblack again\n128 64 0\n 10  20  30\n")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(PaletteFiles.read(gpl, "ramp.gpl")).isEqualTo(Palette.of(0xFF000000, 0xFF804000, 0xFFFFFFFF,
        0xFF0A141E));
    // with alpha, a second fully transparent colour is the first one again, whatever RGB it hides
    byte[] rgba = "GIMP Palette\nChannels: RGBA\n1 2 3 0\n216 27 96 255\n4 5 6 0\n216 27 96 128\n"
        .getBytes(StandardCharsets.UTF_8);
    assertThat(PaletteFiles.read(rgba, "a.gpl")).isEqualTo(Palette.of(0x00010203, 0xFFD81B60, 0x80D81B60));
    // 300 rows, 256 colours: the limit is on the colours, not the rows
    StringBuilder full = new StringBuilder("GIMP Palette\n");
    for (int i = 0; i < 300; i++) {
      full.append(i % 256).append(' ').append(i % 256).append(" 7\n");
    }
    Palette p = PaletteFiles.read(full.toString().getBytes(StandardCharsets.UTF_8), "full.gpl");
    assertThat(p.size()).isEqualTo(256);
    assertThat(p.color(0)).isEqualTo(0xFF000007);
    assertThat(p.color(255)).isEqualTo(0xFFFFFF07);
  }

  @Test
  void aGimpPaletteIsKnownByItsFirstLineWhateverItsName() throws PaletteFileException {
    byte[] gpl = "\uFEFFGIMP Palette\r\nName: x\r\n  1   2   3\r\n".getBytes(StandardCharsets.UTF_8);
    assertThat(PaletteFiles.read(gpl, "colours.txt")).isEqualTo(Palette.of(0xFF010203));
    assertThat(PaletteFiles.read(gpl, "colours")).isEqualTo(Palette.of(0xFF010203));
  }

  @Test
  void asepritesRgbaRows() throws PaletteFileException {
    byte[] gpl = "GIMP Palette\nChannels: RGBA\n#\n216 27 96 128 pink\n0 0 0 0\n".getBytes(StandardCharsets.UTF_8);
    assertThat(PaletteFiles.read(gpl, "a.gpl")).isEqualTo(Palette.of(0x80D81B60, 0x00000000));
  }

  @Test
  void adobeTablesWithTheirCountAndTransparentEntry() throws PaletteFileException {
    int[] rgb = {0xD81B60, 0x1E88E5, 0xFFC107, 0xFFFFFF};
    assertThat(PaletteFiles.read(act(rgb, 3, 0xFFFF), "p.act")).isEqualTo(Palette.of(0xFFD81B60, 0xFF1E88E5,
        0xFFFFC107));
    assertThat(PaletteFiles.read(act(rgb, 4, 1), "p.ACT")).isEqualTo(Palette.of(0xFFD81B60, 0x001E88E5,
        0xFFFFC107, 0xFFFFFFFF));
  }

  @Test
  void anAdobeTableThatRepeatsColoursKeepsTheFirstOfEach() throws PaletteFileException {
    int[] rgb = {0x000000, 0x111111, 0xD81B60, 0x111111, 0x333333, 0xD81B60, 0x000000, 0x444444};
    assertThat(PaletteFiles.read(act(rgb, rgb.length, 0xFFFF), "p.act")).isEqualTo(Palette.of(0xFF000000,
        0xFF111111, 0xFFD81B60, 0xFF333333, 0xFF444444));
    // the transparent entry is not the opaque colour of the same RGB: both are kept
    assertThat(PaletteFiles.read(act(rgb, rgb.length, 3), "p.act")).isEqualTo(Palette.of(0xFF000000,
        0xFF111111, 0xFFD81B60, 0x00111111, 0xFF333333, 0xFF444444));
  }

  @Test
  void aTableWithoutCountLosesTheRunThatPadsIt() throws PaletteFileException {
    int[] rgb = new int[256];
    rgb[0] = 0xD81B60;
    rgb[1] = 0x1E88E5;
    byte[] padded = Arrays.copyOf(act(rgb, 0, 0), 768);
    // two colours, then black to the end: black counts once
    assertThat(PaletteFiles.read(padded, "p.act")).isEqualTo(Palette.of(0xFFD81B60, 0xFF1E88E5, 0xFF000000));
    rgb[0] = 0x000000;
    padded = Arrays.copyOf(act(rgb, 0, 0), 768);
    // black came first, so the run after the last colour is all padding
    assertThat(PaletteFiles.read(padded, "p.act")).isEqualTo(Palette.of(0xFF000000, 0xFF1E88E5));
    for (int i = 0; i < 256; i++) {
      rgb[i] = i * 0x010101;
    }
    assertThat(PaletteFiles.read(Arrays.copyOf(act(rgb, 0, 0), 768), "p.act").size()).isEqualTo(256);
  }

  @Test
  void paintNetPalettesGiveAlphaFirst() throws PaletteFileException {
    byte[] txt = "; paint.net Palette File\n; Palette Size: 2\nFFD81B60\n801E88E5\n".getBytes(StandardCharsets.UTF_8);
    assertThat(PaletteFiles.read(txt, "p.txt")).isEqualTo(Palette.of(0xFFD81B60, 0x801E88E5));
    byte[] hex = "d81b60\n1E88E580 ; comment\n// another\n".getBytes(StandardCharsets.UTF_8);
    assertThat(PaletteFiles.read(hex, "p.hex")).isEqualTo(Palette.of(0xFFD81B60, 0x801E88E5));
  }

  @Test
  void jsonInEitherShape() throws PaletteFileException {
    Palette two = Palette.of(0xFFD81B60, 0x801E88E5);
    assertThat(PaletteFiles.read("[\"#d81b60\", \"1E88E580\"]".getBytes(StandardCharsets.UTF_8), "p.json"))
        .isEqualTo(two);
    assertThat(PaletteFiles.read("{\"name\": {\"a\": [1]}, \"palette\": [\"#d81b60\", \"#1e88e580\"]}"
        .getBytes(StandardCharsets.UTF_8), "p.json")).isEqualTo(two);
  }

  @Test
  void colourListsOfTheCommandLine() throws PaletteFileException {
    assertThat(PaletteFiles.parseColours("#d81b60,#1e88e5")).isEqualTo(Palette.of(0xFFD81B60, 0xFF1E88E5));
    assertThat(PaletteFiles.parseColours(" #D81B60, 1e88e580  ffc107 ")).isEqualTo(Palette.of(0xFFD81B60,
        0x801E88E5, 0xFFFFC107));
  }

  @Test
  void anImageOfFewColoursGivesThemInTheOrderTheyAppear() throws Exception {
    byte[] png = resource("/dev/squish/io/formats/palette4.png");
    assertThat(PaletteFiles.read(png, "palette4.png").colors()).containsExactly(0x00000000, 0x801F1F20, 0xFF151F1A,
        0xFF691F4E, 0xFF9D0F68, 0x80732E5B, 0x80B22E82, 0x800A6C34, 0xFF1F6C41, 0xFF5E6C68, 0x80A86C95, 0xFF9D6C8F,
        0xFF23A55B, 0x801FAA5B, 0x805EAA82, 0xFF73AA8F);
    // 96 pixels, 32 of them fully transparent over different colours: those count once
    Palette rgba = PaletteFiles.read(resource("/dev/squish/io/formats/rgba8.png"), "rgba8");
    assertThat(rgba.size()).isEqualTo(65);
    assertThat(rgba.color(0)).isEqualTo(0x00000000);
    assertThat(rgba.color(1)).isEqualTo(0x8015000D);
    assertThat(PaletteFiles.read(resource("/dev/squish/io/formats/image.gif"), "image.gif").size()).isEqualTo(96);
  }

  @Test
  void anImageOfMoreColoursSaysHowMany(@TempDir Path dir) throws Exception {
    int[] rgb = new int[20 * 15];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = i * 0x2F3;
    }
    assertThatThrownBy(() -> PaletteFiles.read(TaggedPng.rgb(20, 15, rgb), "many.png"))
        .isInstanceOf(PaletteFileException.class).hasMessage("many.png: has 300 colours, more than 256");
    Path photo = TestImages.copyTo(TestImages.CHELSEA, dir);
    assertThatThrownBy(() -> PaletteFiles.read(photo)).hasMessageMatching(".*chelsea.png: has \\d{4,} colours,"
        + " more than 256");
  }

  @Test
  void whatIsWritten() throws PaletteFileException {
    Palette two = Palette.of(0xFFD81B60, 0xFF1E88E5);
    assertThat(new String(PaletteFiles.bytes(two, "/some/where/brand colours.gpl"), StandardCharsets.UTF_8))
        .isEqualTo("GIMP Palette\nName: brand colours\nColumns: 2\n#\n216  27  96\t#d81b60\n 30 136 229\t#1e88e5\n");
    Palette alpha = Palette.of(0xFFD81B60, 0x801E88E5);
    assertThat(new String(PaletteFiles.bytes(alpha, "p.hex"), StandardCharsets.US_ASCII))
        .isEqualTo("#d81b60\n#1e88e580\n");
    assertThat(new String(PaletteFiles.bytes(alpha, "p.json"), StandardCharsets.US_ASCII))
        .isEqualTo("{\"colors\": [\n  \"#d81b60\",\n  \"#1e88e580\"\n]}\n");
    byte[] act = PaletteFiles.bytes(Palette.of(0xFFD81B60, 0x001E88E5), "p.act");
    assertThat(act).hasSize(772).startsWith(0xD8, 0x1B, 0x60, 0x1E, 0x88, 0xE5, 0, 0, 0);
    assertThat(Arrays.copyOfRange(act, 768, 772)).containsExactly(0, 2, 0, 1);
  }
}

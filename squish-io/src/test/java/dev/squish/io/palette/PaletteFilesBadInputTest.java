package dev.squish.io.palette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squish.image.Palette;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad palette file, colour list or palette to write ends in one line that says what is wrong, and where. */
class PaletteFilesBadInputTest {
  private static final String SHAPE = "give [\"#rrggbb\", ...] or {\"colors\": [...]}";

  private static void fails(String name, String content, String message) {
    assertThatThrownBy(() -> PaletteFiles.read(content.getBytes(StandardCharsets.UTF_8), name))
        .isInstanceOf(PaletteFileException.class).hasMessage(message);
  }

  private static String hexLines(int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      sb.append(String.format("#%06x\n", i * 40_000));
    }
    return sb.toString();
  }

  @Test
  void emptyAndColourlessFiles() {
    fails("p.hex", "", "p.hex: empty file (0 bytes)");
    fails("p.act", "", "p.act: empty file (0 bytes)");
    fails("p.hex", "; only a comment\n\n// and another\n", "p.hex: no colours");
    fails("p.gpl", "GIMP Palette\nName: none\nColumns: 4\n#\n", "p.gpl: no colours");
    fails("p.json", "[]", "p.json: no colours");
    fails("p.json", " \n", "p.json: no colours");
  }

  @Test
  void moreThan256Colours() {
    fails("p.hex", hexLines(300), "p.hex: has 300 colours, more than 256");
    // in a GIMP palette repeats are dropped, and the limit is on the colours left: 257 here, in 400 rows
    StringBuilder gpl = new StringBuilder("GIMP Palette\n");
    for (int i = 0; i < 400; i++) {
      int v = i % 257;
      gpl.append(v % 256).append(" 0 ").append(v / 256).append('\n');
    }
    fails("p.gpl", gpl.toString(), "p.gpl: has 257 colours, more than 256");
    assertThatThrownBy(() -> PaletteFiles.parseColours(hexLines(257))).hasMessage("has 257 colours, more than 256");
  }

  @Test
  void aMalformedLineIsNamedByItsNumber() {
    fails("p.hex", "#d81b60\r\n#1e88e5\r\n\r\n; c\r\n// c\r\n#zzz\r\n",
        "p.hex: line 6: '#zzz' is not a colour (#rrggbb or #rrggbbaa)");
    fails("p.hex", "#d81b60 pink\n", "p.hex: line 1: '#d81b60 pink' is not a colour (#rrggbb or #rrggbbaa)");
    fails("p.hex", "#d81b6\n", "p.hex: line 1: '#d81b6' is not a colour (#rrggbb or #rrggbbaa)");
    fails("p.hex", "# a comment\n", "p.hex: line 1: '# a comment' is not a colour (#rrggbb or #rrggbbaa)");
    fails("p.txt", "\n\n" + "z".repeat(100) + "\n", "p.txt: line 3: '" + "z".repeat(40)
        + "...' is not a colour (#rrggbb or #rrggbbaa)");
    fails("p.gpl", "GIMP Palette\nName: x\n#\n0 0 0 black\n12 34\n",
        "p.gpl: line 5: '12 34' is not a colour row (R G B, each 0 to 255, then a name if any)");
    fails("p.gpl", "GIMP Palette\n256 0 0 red\n",
        "p.gpl: line 2: '256 0 0 red' is not a colour row (R G B, each 0 to 255, then a name if any)");
    fails("p.gpl", "GIMP Palette\nChannels: RGBA\n1 2 3\n",
        "p.gpl: line 3: '1 2 3' is not a colour row (R G B A, each 0 to 255, then a name if any)");
    fails("p.gpl", "GIMP Palette\nChannels: CMYK\n", "p.gpl: line 2: 'Channels: CMYK' names neither RGB nor RGBA");
    fails("p.gpl", "Name: x\n1 2 3\n",
        "p.gpl: line 1: 'Name: x' is not 'GIMP Palette', the first line of a GIMP palette");
    fails("p.json", "[\n  \"#d81b60\",\n  \"zzz\"\n]", "p.json: line 3: 'zzz' is not a colour (#rrggbb or #rrggbbaa)");
    fails("p.json", "{\"colors\": [\n 16711680]}",
        "p.json: line 2: '16711680' is not a colour string (\"#rrggbb\" or \"#rrggbbaa\")");
    fails("p.json", "[[\"#d81b60\"]]", "p.json: line 1: '[...]' is not a colour string (\"#rrggbb\" or \"#rrggbbaa\")");
  }

  @Test
  void aHandTypedListThatGivesAColourTwiceIsNamedWithItsFirstLine() {
    fails("p.hex", "; palette\n\n#D81B60\n#000001\n#000002\n#000003\n#000004\n#000005\nd81b60\n",
        "p.hex: line 9: #d81b60 is given twice (first on line 3)");
    fails("p.hex", "#d81b60ff\n#d81b60\n", "p.hex: line 2: #d81b60 is given twice (first on line 1)");
    fails("p.txt", "#1e88e5\n#d81b60\n#1E88E5\n", "p.txt: line 3: #1e88e5 is given twice (first on line 1)");
    fails("p.hex", "#ff000000\n#00000000\n", "p.hex: line 2: #00000000 is fully transparent, like #ff000000 on line 1:"
        + " a palette holds one fully transparent colour");
    fails("p.json", "{\"colors\": [\"#d81b60\",\n\"#1e88e5\",\n\"#D81B60\"]}",
        "p.json: line 3: #d81b60 is given twice (first on line 1)");
    fails("p.json", "[\"#12345600\",\n\"#d81b60\",\n\"#00000000\"]",
        "p.json: line 3: #00000000 is fully transparent, like #12345600 on line 1: a palette holds one fully"
            + " transparent colour");
    assertThatThrownBy(() -> PaletteFiles.parseColours("#d81b60 #1e88e5,#D81B60"))
        .isInstanceOf(PaletteFileException.class).hasMessage("#d81b60 is given twice");
    assertThatThrownBy(() -> PaletteFiles.parseColours("#12345600,#65432100"))
        .hasMessage("#65432100 is fully transparent, like #12345600: a palette holds one fully transparent colour");
  }

  @Test
  void jsonOfAnotherShape() {
    fails("p.json", "{\"name\": \"x\"}", "p.json: no \"colors\" list: " + SHAPE);
    fails("p.json", "\"#d81b60\"", "p.json: line 1: not a palette: " + SHAPE);
    fails("p.json", "{\"colors\": \"#d81b60\"}", "p.json: line 1: \"colors\" is not a list: " + SHAPE);
    fails("p.json", "{\"colors\": [\"#d81b60\"],\n \"palette\": [\"#1e88e5\"]}",
        "p.json: line 2: gives both \"colors\" and \"palette\": give one");
    fails("p.json", "[\"#d81b60\"]\n[]", "p.json: line 2: more JSON after the palette");
    assertThatThrownBy(() -> PaletteFiles.read("[\"#d81b60\",\n".getBytes(StandardCharsets.UTF_8), "p.json"))
        .hasMessageStartingWith("p.json: line 2: not valid JSON: Unexpected end-of-input")
        .hasMessageNotContaining("\n");
  }

  @Test
  void adobeTablesOfTheWrongSizeOrCount() {
    assertThatThrownBy(() -> PaletteFiles.read(new byte[500], "p.act"))
        .hasMessage("p.act: an Adobe Color Table is 768 or 772 bytes, this one is 500");
    assertThatThrownBy(() -> PaletteFiles.read(PaletteFilesRealFilesTest.act(new int[16], 0, 0xFFFF), "p.act"))
        .hasMessage("p.act: says it holds 0 colours, not 1 to 256");
    assertThatThrownBy(() -> PaletteFiles.read(PaletteFilesRealFilesTest.act(new int[16], 16, 20), "p.act"))
        .hasMessage("p.act: its transparent entry 20 is not one of its 16 colours");
  }

  @Test
  void colourListsNameTheBadColour() {
    assertThatThrownBy(() -> PaletteFiles.parseColours("#d81b60,zz"))
        .isInstanceOf(PaletteFileException.class).hasMessage("'zz' is not a colour (#rrggbb or #rrggbbaa)");
    assertThatThrownBy(() -> PaletteFiles.parseColours(" , ")).hasMessage("no colours");
  }

  @Test
  void unknownFormatsListWhatIsRead() {
    fails("p.foo", "#d81b60\n", "p.foo: not a palette format squish knows: it reads .gpl, .act, .hex, .txt, .json"
        + " and images (.png, .gif, .jpg, .jpeg, .bmp, .tif, .tiff, .webp)");
    fails("palette", "#d81b60\n", "palette: not a palette format squish knows: it reads .gpl, .act, .hex, .txt,"
        + " .json and images (.png, .gif, .jpg, .jpeg, .bmp, .tif, .tiff, .webp)");
    fails("p.png", "#d81b60\n",
        "p.png: not an image: the file holds text; squish reads PNG, JPEG, GIF, BMP, TIFF or WebP");
  }

  @Test
  void unreadableFiles(@TempDir Path dir) {
    Path missing = dir.resolve("missing.gpl");
    assertThatThrownBy(() -> PaletteFiles.read(missing)).hasMessage(missing + ": no such file");
    assertThatThrownBy(() -> PaletteFiles.read(dir)).hasMessage(dir + ": is a folder, not a palette file");
  }

  @Test
  void palettesAFormatCannotHoldAreNotWritten() {
    Palette translucent = Palette.of(0xFFD81B60, 0x801E88E5);
    assertThatThrownBy(() -> PaletteFiles.bytes(translucent, "p.gpl"))
        .hasMessage("p.gpl: a GIMP palette has no alpha, and entry 1 is #1e88e580: save it as .hex, .json or .png");
    assertThatThrownBy(() -> PaletteFiles.bytes(Palette.of(0xFFD81B60, 0x001E88E5), "p.gpl"))
        .hasMessage("p.gpl: a GIMP palette has no alpha, and entry 1 is #1e88e500: save it as .hex, .json or .png");
    assertThatThrownBy(() -> PaletteFiles.bytes(translucent, "p.act"))
        .hasMessage("p.act: an Adobe Color Table has one fully transparent colour at most and no other alpha,"
            + " and entry 1 is #1e88e580: save it as .hex, .json or .png");
    assertThatThrownBy(() -> PaletteFiles.bytes(Palette.of(0xFFD81B60, 0xFF1E88E5, 0xFFD81B60), "p.hex"))
        .hasMessage("p.hex: entry 2: #d81b60 is given twice (first at entry 0)");
    assertThatThrownBy(() -> PaletteFiles.bytes(Palette.of(0x00D81B60, 0x00000000), "p.png"))
        .hasMessage("p.png: entry 1: #00000000 is fully transparent, like #d81b6000 at entry 0:"
            + " a palette holds one fully transparent colour");
    assertThatThrownBy(() -> PaletteFiles.bytes(translucent, "p.pal"))
        .hasMessage("p.pal: cannot tell the palette format from the name: squish writes .gpl, .act, .hex, .json, .png");
  }

  @Test
  void aRefusedOrFailedWriteLeavesTheOldFileAsItWas(@TempDir Path dir) throws IOException {
    Path old = dir.resolve("p.gpl");
    Files.writeString(old, "GIMP Palette\n1 2 3\n");
    assertThatThrownBy(() -> PaletteFiles.write(Palette.of(0x80112233), old)).isInstanceOf(PaletteFileException.class);
    assertThat(Files.readString(old)).isEqualTo("GIMP Palette\n1 2 3\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(old);
    }
    Path nowhere = dir.resolve("no-such-folder").resolve("p.hex");
    assertThatThrownBy(() -> PaletteFiles.write(Palette.of(0xFF112233), nowhere))
        .hasMessage(nowhere + ": cannot write the file: its folder does not exist");
  }
}

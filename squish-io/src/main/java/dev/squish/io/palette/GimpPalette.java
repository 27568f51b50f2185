package dev.squish.io.palette;

import dev.squish.image.Palette;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * GIMP's palette format ({@code .gpl}): the line {@code GIMP Palette}, optional {@code Name:} and
 * {@code Columns:} lines, then one colour a line as decimal {@code R G B} and an optional name.
 * Blank lines and lines starting with {@code #} are comments. Aseprite's extension, a
 * {@code Channels: RGBA} line and rows of {@code R G B A}, is read too; it is not written, because
 * GIMP reads such a file as wrong colours.
 *
 * <p>A colour given again (or, with alpha, a second fully transparent colour) is dropped, the first
 * one kept where it was, rather than refused: GIMP's own palettes repeat colours (28 of the 40 that
 * Debian's {@code gimp-data} 2.10.34 ships: gradient palettes such as {@code Gold.gpl}, which gives
 * 99 colours in 256 rows, {@code Ega.gpl}, and {@code Named_Colors.gpl}, whose names share
 * colours), and a palette to remap to holds each colour once.
 */
final class GimpPalette {
  static final String MAGIC = "GIMP Palette";

  private static final int COLUMNS = 16;
  private static final Pattern FIELDS = Pattern.compile("\\s+");

  private GimpPalette() {}

  /** {@return true when {@code data} starts with GIMP's first line} (after a byte-order mark, if any) */
  static boolean sniff(byte[] data) {
    int start = Hex.bomLength(data);
    byte[] magic = MAGIC.getBytes(StandardCharsets.US_ASCII);
    if (data.length < start + magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (data[start + i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  static Palette read(byte[] data) throws PaletteFileException {
    List<String> lines = Hex.lines(data);
    if (lines.isEmpty() || !lines.get(0).startsWith(MAGIC)) {
      String first = lines.isEmpty() ? "" : lines.get(0);
      throw new PaletteFileException("line 1: " + Hex.quote(first) + " is not '" + MAGIC
          + "', the first line of a GIMP palette");
    }
    ColourList colours = ColourList.firstOfEach("line");
    int channels = 3;
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (colours.size() == 0 && (line.startsWith("Name:") || line.startsWith("Columns:"))) {
        continue;
      }
      if (colours.size() == 0 && line.startsWith("Channels:")) {
        String value = line.substring("Channels:".length()).strip().toUpperCase(Locale.ROOT);
        if (!value.equals("RGB") && !value.equals("RGBA")) {
          throw new PaletteFileException("line " + (i + 1) + ": " + Hex.quote(line) + " names neither RGB nor RGBA");
        }
        channels = value.length();
        continue;
      }
      colours.add(row(line, channels, i + 1), i + 1);
    }
    return colours.palette();
  }

  /** The colour of a row: {@code channels} numbers 0 to 255, then anything (the colour's name). */
  private static int row(String line, int channels, int lineNumber) throws PaletteFileException {
    String[] fields = FIELDS.split(line, channels + 1);
    int[] v = {0, 0, 0, 255};
    boolean ok = fields.length >= channels;
    for (int c = 0; ok && c < channels; c++) {
      v[c] = sample(fields[c]);
      ok = v[c] >= 0;
    }
    if (!ok) {
      throw new PaletteFileException("line " + lineNumber + ": " + Hex.quote(line) + " is not a colour row ("
          + (channels == 3 ? "R G B" : "R G B A") + ", each 0 to 255, then a name if any)");
    }
    return v[3] << 24 | v[0] << 16 | v[1] << 8 | v[2];
  }

  /** {@return the decimal number 0 to 255 {@code text} is, or -1} */
  private static int sample(String text) {
    if (text.isEmpty() || text.length() > 3) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      v = 10 * v + ch - '0';
    }
    return v <= 255 ? v : -1;
  }

  /** The file, with {@code name} on its {@code Name:} line and each colour named by its hex. */
  static byte[] write(Palette palette, String name) throws PaletteFileException {
    for (int i = 0; i < palette.size(); i++) {
      if (palette.color(i) >>> 24 != 0xFF) {
        throw new PaletteFileException("a GIMP palette has no alpha, and entry " + i + " is "
            + Hex.format(palette.color(i)) + ": " + PaletteFiles.WITH_ALPHA);
      }
    }
    StringBuilder sb = new StringBuilder(MAGIC).append('\n');
    sb.append("Name: ").append(name.replaceAll("\\p{Cntrl}", " ")).append('\n');
    sb.append("Columns: ").append(Math.min(COLUMNS, palette.size())).append('\n');
    sb.append("#\n");
    for (int i = 0; i < palette.size(); i++) {
      int c = palette.color(i);
      // as GIMP writes its rows: each number right-aligned in three columns, a tab before the name
      for (int shift = 16; shift >= 0; shift -= 8) {
        String v = Integer.toString(c >> shift & 0xFF);
        sb.append("   ", v.length(), 3).append(v).append(shift > 0 ? ' ' : '\t');
      }
      sb.append(Hex.format(c)).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}

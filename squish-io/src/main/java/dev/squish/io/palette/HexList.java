package dev.squish.io.palette;

import dev.squish.image.Palette;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A plain list of colours ({@code .hex}, {@code .txt}): one a line, {@code #rrggbb} or
 * {@code #rrggbbaa}, the {@code #} optional (Lospec's {@code .hex} files have none), hex digits of
 * either case. Blank lines are skipped, and so are comments: lines starting with {@code ;} or
 * {@code //}, or such a comment after a colour and a space. {@code #} starts no comment, since it
 * starts colours. Paint.NET's palettes (whose header comment names {@code paint.net}) give 8 digits
 * as {@code AARRGGBB}, alpha first, and are read that way. Such lists, and the command line's,
 * are typed by hand, so a colour given twice is refused (it is more likely a typo than meant),
 * unlike in the files programs write.
 */
final class HexList {
  private HexList() {}

  static Palette read(byte[] data) throws PaletteFileException {
    List<String> lines = Hex.lines(data);
    ColourList colours = ColourList.strict("line");
    boolean paintNet = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (isComment(line)) {
        paintNet |= colours.size() == 0 && line.toLowerCase(Locale.ROOT).contains("paint.net");
        continue;
      }
      int end = 0;
      while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
        end++;
      }
      String rest = line.substring(end).strip();
      long c = Hex.parse(line.substring(0, end), paintNet);
      if (c < 0 || !(rest.isEmpty() || isComment(rest))) {
        throw new PaletteFileException("line " + (i + 1) + ": " + Hex.notAColour(line));
      }
      colours.add((int) c, i + 1);
    }
    return colours.palette();
  }

  /** The colours of a list such as {@code #d81b60,#1e88e5}: hex colours separated by commas or spaces. */
  static Palette parse(String text) throws PaletteFileException {
    ColourList colours = ColourList.strict(null);
    for (String token : text.strip().split("[,\\s]+")) {
      if (token.isEmpty()) {
        continue;
      }
      long c = Hex.parse(token, false);
      if (c < 0) {
        throw new PaletteFileException(Hex.notAColour(token));
      }
      colours.add((int) c, 0);
    }
    return colours.palette();
  }

  static byte[] write(Palette palette) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < palette.size(); i++) {
      sb.append(Hex.format(palette.color(i))).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static boolean isComment(String text) {
    return text.startsWith(";") || text.startsWith("//");
  }
}

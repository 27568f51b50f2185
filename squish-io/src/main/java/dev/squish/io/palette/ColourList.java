package dev.squish.io.palette;

import dev.squish.histogram.ColorHistogram;
import dev.squish.image.Palette;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The colours of a palette file in the order given, each once: a second fully transparent colour
 * counts as a repeat whatever RGB it hides, as it does everywhere in squish
 * ({@link ColorHistogram#canonical}). Colours past 256 are still counted, so that the message can
 * say how many there are.
 */
final class ColourList {
  private final String unit;
  /** Each canonical colour's place in {@link #colors}. */
  private final Map<Integer, Integer> indexOf = new HashMap<>();
  private int[] colors = new int[16];
  private int[] positions = new int[16];
  private int size;

  /**
   * @param unit what positions are: {@code "line"} (numbered from 1) or {@code "entry"} (from 0), or null
   *     for a list whose colours are named by their text alone
   */
  ColourList(String unit) {
    this.unit = unit;
  }

  /** Adds {@code argb}, found at position {@code at}. */
  void add(int argb, int at) throws PaletteFileException {
    Integer i = indexOf.putIfAbsent(ColorHistogram.canonical(argb), size);
    if (i == null) {
      if (size == colors.length) {
        colors = Arrays.copyOf(colors, size * 2);
        positions = Arrays.copyOf(positions, size * 2);
      }
      colors[size] = argb;
      positions[size++] = at;
      return;
    }
    String where = unit == null ? "" : unit + " " + at + ": ";
    String first = unit == null ? "" : (unit.equals("line") ? " on " : " at ") + unit + " " + positions[i];
    if (colors[i] == argb) {
      throw new PaletteFileException(where + Hex.format(argb) + " is given twice"
          + (unit == null ? "" : " (first" + first + ")"));
    }
    throw new PaletteFileException(where + Hex.format(argb) + " is fully transparent, like "
        + Hex.format(colors[i]) + first + ": a palette holds one fully transparent colour");
  }

  int size() {
    return size;
  }

  /** {@return the palette} when it holds 1 to 256 colours. */
  Palette palette() throws PaletteFileException {
    if (size == 0) {
      throw new PaletteFileException("no colours");
    }
    if (size > Palette.MAX_SIZE) {
      throw tooMany(size);
    }
    return Palette.of(Arrays.copyOf(colors, size));
  }

  static PaletteFileException tooMany(long count) {
    return new PaletteFileException("has " + count + " colours, more than " + Palette.MAX_SIZE);
  }
}

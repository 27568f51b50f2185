package dev.squish.io.palette;

import dev.squish.histogram.ColorHistogram;
import dev.squish.image.Palette;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The colours of a palette file in the order given, each once: a second fully transparent colour
 * counts as a repeat whatever RGB it hides, as it does everywhere in squish
 * ({@link ColorHistogram#canonical}). A repeat is refused ({@link #strict}) or dropped, the first
 * occurrence kept where it was ({@link #firstOfEach}). Colours past 256 are still counted, so that
 * the message can say how many there are; the limit is on the colours kept.
 */
final class ColourList {
  private final String unit;
  private final boolean dropRepeats;
  /** Each canonical colour's place in {@link #colors}. */
  private final Map<Integer, Integer> indexOf = new HashMap<>();
  private int[] colors = new int[16];
  private int[] positions = new int[16];
  private int size;

  private ColourList(String unit, boolean dropRepeats) {
    this.unit = unit;
    this.dropRepeats = dropRepeats;
  }

  /**
   * {@return a list that refuses a colour given twice}, as hand-typed lists and writing do: its
   * message names both places.
   *
   * @param unit what positions are: {@code "line"} (numbered from 1) or {@code "entry"} (from 0), or null
   *     for a list whose colours are named by their text alone
   */
  static ColourList strict(String unit) {
    return new ColourList(unit, false);
  }

  /**
   * {@return a list that keeps the first occurrence of each colour and drops later ones}, for files
   * that programs write: GIMP's own palettes repeat colours.
   *
   * @param unit what positions are, as for {@link #strict}
   */
  static ColourList firstOfEach(String unit) {
    return new ColourList(unit, true);
  }

  /** Adds {@code argb}, found at position {@code at}, unless it is a repeat that this list drops. */
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
    if (dropRepeats) {
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

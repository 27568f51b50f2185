package dev.squish.io.palette;

import dev.squish.image.Palette;

/**
 * Adobe's Color Table ({@code .act}): 256 colours of 3 bytes (R, G, B), then optionally two
 * big-endian 16-bit numbers, the count of colours used and the index of the transparent one
 * ({@code 0xFFFF} for none). It has no other alpha: the transparent entry is fully transparent,
 * and every other entry opaque. Programs write it, and some repeat colours in it: a repeat is
 * dropped, not refused.
 */
final class AdobeColorTable {
  private static final int TABLE = 3 * Palette.MAX_SIZE;
  private static final int WITH_COUNT = TABLE + 4;
  private static final int NO_TRANSPARENT = 0xFFFF;

  private AdobeColorTable() {}

  /**
   * Reads a table. A colour given again is dropped, the first one kept where it was: without the
   * count (768 bytes), writers pad a shorter palette with copies of one colour, and so that run
   * counts once, or not at all when its colour came before it.
   */
  static Palette read(byte[] data) throws PaletteFileException {
    if (data.length != TABLE && data.length != WITH_COUNT) {
      throw new PaletteFileException("an Adobe Color Table is " + TABLE + " or " + WITH_COUNT
          + " bytes, this one is " + data.length);
    }
    int count = Palette.MAX_SIZE;
    int transparent = NO_TRANSPARENT;
    if (data.length == WITH_COUNT) {
      count = u16(data, TABLE);
      transparent = u16(data, TABLE + 2);
      if (count < 1 || count > Palette.MAX_SIZE) {
        throw new PaletteFileException("says it holds " + count + " colours, not 1 to " + Palette.MAX_SIZE);
      }
      if (transparent != NO_TRANSPARENT && transparent >= count) {
        throw new PaletteFileException("its transparent entry " + transparent + " is not one of its "
            + count + " colours");
      }
    }
    ColourList colours = ColourList.firstOfEach("entry");
    for (int i = 0; i < count; i++) {
      int c = rgb(data, i);
      colours.add(i == transparent ? c & 0xFFFFFF : c, i);
    }
    return colours.palette();
  }

  static byte[] write(Palette palette) throws PaletteFileException {
    byte[] out = new byte[WITH_COUNT];
    int transparent = NO_TRANSPARENT;
    for (int i = 0; i < palette.size(); i++) {
      int c = palette.color(i);
      int alpha = c >>> 24;
      if (alpha == 0 && transparent == NO_TRANSPARENT) {
        transparent = i;
      } else if (alpha != 0xFF) {
        throw new PaletteFileException("an Adobe Color Table has one fully transparent colour at most and no other"
            + " alpha, and entry " + i + " is " + Hex.format(c) + ": " + PaletteFiles.WITH_ALPHA);
      }
      out[3 * i] = (byte) (c >> 16);
      out[3 * i + 1] = (byte) (c >> 8);
      out[3 * i + 2] = (byte) c;
    }
    out[TABLE] = (byte) (palette.size() >> 8);
    out[TABLE + 1] = (byte) palette.size();
    out[TABLE + 2] = (byte) (transparent >> 8);
    out[TABLE + 3] = (byte) transparent;
    return out;
  }

  private static int rgb(byte[] data, int i) {
    return 0xFF000000 | (data[3 * i] & 0xFF) << 16 | (data[3 * i + 1] & 0xFF) << 8 | data[3 * i + 2] & 0xFF;
  }

  private static int u16(byte[] data, int at) {
    return (data[at] & 0xFF) << 8 | data[at + 1] & 0xFF;
  }
}

package dev.squish.io.palette;

import dev.squish.histogram.ColorHistogram;
import dev.squish.image.IndexedImage;
import dev.squish.image.Palette;
import dev.squish.image.RgbaImage;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.ImageDecodeException;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.io.encode.ImageEncoder;
import dev.squish.io.encode.OutputFormat;
import dev.squish.io.encode.PngOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An image as a palette: the colours of its pixels in the order they first appear, row by row, in
 * sRGB as the decoder gives them (fully transparent pixels are one colour, the first one's, as
 * everywhere in squish). A palette is written as a swatch image that reads back as the same
 * colours in the same order: squares of {@value #CELL}×{@value #CELL} pixels, {@value #COLUMNS} a
 * row.
 */
final class SwatchImage {
  static final int COLUMNS = 16;
  static final int CELL = 16;

  private static final ImageDecoder DECODER = new ImageDecoder(DecodeLimits.defaults());

  private SwatchImage() {}

  static Palette read(byte[] data) throws PaletteFileException {
    RgbaImage image;
    try {
      image = DECODER.decode(data, data.length).image();
    } catch (ImageDecodeException e) {
      throw new PaletteFileException(null, e.getMessage(), e);
    }
    // the first colour seen of each canonical colour, in order; one past the limit is enough to know
    Map<Integer, Integer> seen = new LinkedHashMap<>();
    int last = 0;
    for (int i = 0; i < image.pixelCount(); i++) {
      int p = image.argb(i);
      if (i > 0 && p == last) {
        continue;
      }
      last = p;
      seen.putIfAbsent(ColorHistogram.canonical(p), p);
      if (seen.size() > Palette.MAX_SIZE) {
        throw ColourList.tooMany(ColorHistogram.of(image).size());
      }
    }
    return Palette.of(seen.values().stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * The swatch PNG. The last row's spare squares repeat the last colour: any other colour would
   * read back as one more.
   */
  static byte[] write(Palette palette) {
    int n = palette.size();
    int columns = Math.min(COLUMNS, n);
    int rows = (n + COLUMNS - 1) / COLUMNS;
    int width = columns * CELL;
    byte[] indices = new byte[width * rows * CELL];
    for (int y = 0; y < rows * CELL; y++) {
      for (int x = 0; x < width; x++) {
        indices[y * width + x] = (byte) Math.min(n - 1, y / CELL * COLUMNS + x / CELL);
      }
    }
    IndexedImage image = IndexedImage.adopt(width, rows * CELL, palette, indices);
    return ImageEncoder.encode(image, OutputFormat.PNG, PngOptions.defaults());
  }
}

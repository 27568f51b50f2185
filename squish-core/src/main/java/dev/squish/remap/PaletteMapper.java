package dev.squish.remap;

import dev.squish.cluster.Quantization;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.IndexedImage;
import dev.squish.image.RgbaImage;
import dev.squish.parallel.ParallelChunks;

/**
 * Maps every pixel to the palette entry its colour was assigned to. The expensive decision
 * (which entry is nearest) was made once per distinct colour by the quantizer; here each pixel
 * costs one hash lookup.
 */
public final class PaletteMapper {
  private static final int CHUNK = 1 << 16;

  private PaletteMapper() {}

  /**
   * The indexed image of {@code image} under {@code quantization}, which must have been made
   * from {@code histogram}, the histogram of {@code image}.
   */
  public static IndexedImage remap(RgbaImage image, ColorHistogram histogram, Quantization quantization) {
    if (histogram.size() != quantization.assignedColors()) {
      throw new IllegalArgumentException("quantization assigns " + quantization.assignedColors()
          + " colours but the histogram has " + histogram.size());
    }
    int n = image.pixelCount();
    byte[] out = new byte[n];
    ParallelChunks.forEach(n, CHUNK, (c, from, to) -> {
      int last = 0;
      int lastIndex = -1;
      for (int i = from; i < to; i++) {
        int p = image.argb(i);
        if (p != last || lastIndex < 0) {
          int h = histogram.indexOf(p);
          if (h < 0) {
            throw new IllegalArgumentException(
                String.format("pixel %d has colour %08x, which the histogram does not hold", i, p));
          }
          last = p;
          lastIndex = quantization.paletteIndexOf(h);
        }
        out[i] = (byte) lastIndex;
      }
    });
    return IndexedImage.adopt(image.width(), image.height(), quantization.palette(), out);
  }
}

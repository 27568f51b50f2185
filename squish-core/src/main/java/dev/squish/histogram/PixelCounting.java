package dev.squish.histogram;

import dev.squish.image.RgbaImage;
import dev.squish.parallel.ParallelChunks;

/** Counts the pixels of an image into a colour table, on all cores. */
final class PixelCounting {
  /** Pixels per partial table when counting in parallel; fixed so the work split never varies. */
  private static final int PIXELS_PER_PART = 1 << 20;

  private PixelCounting() {}

  /**
   * The {@code (color << 32) | count} entries of {@code image}, sorted by colour, every fully
   * transparent pixel counted as colour 0 and its hidden R, G and B added to {@code hiddenSums}.
   */
  static long[] count(RgbaImage image, long[] hiddenSums) {
    int n = image.pixelCount();
    int parts = ParallelChunks.chunkCount(n, PIXELS_PER_PART);
    ColorCountTable[] partial = new ColorCountTable[parts];
    long[][] hidden = new long[parts][3];
    ParallelChunks.forEach(n, PIXELS_PER_PART, (part, from, to) -> {
      ColorCountTable table = new ColorCountTable(1 << 12);
      int[] row = new int[4096];
      long[] sums = hidden[part];
      for (int start = from; start < to; start += row.length) {
        int len = Math.min(row.length, to - start);
        image.copyPixels(start, row, len);
        if (image.usesAlpha()) {
          for (int i = 0; i < len; i++) {
            int p = row[i];
            if ((p >>> 24) == 0) {
              addRgb(sums, p, 1);
              row[i] = 0;
            }
          }
        }
        // runs of equal pixels are common (flat areas, screenshots): count a run with one probe
        int run = 1;
        int prev = row[0];
        for (int i = 1; i < len; i++) {
          int p = row[i];
          if (p == prev) {
            run++;
          } else {
            table.add(prev, run);
            prev = p;
            run = 1;
          }
        }
        table.add(prev, run);
      }
      partial[part] = table;
    });
    ColorCountTable all = partial[0];
    for (int i = 1; i < parts; i++) {
      all.addAll(partial[i]);
    }
    for (long[] h : hidden) {
      for (int c = 0; c < 3; c++) {
        hiddenSums[c] += h[c];
      }
    }
    return all.sortedEntries();
  }

  /** Adds {@code times} the R, G and B of {@code argb} to {@code sums}. */
  static void addRgb(long[] sums, int argb, long times) {
    sums[0] += ((argb >>> 16) & 0xFF) * times;
    sums[1] += ((argb >>> 8) & 0xFF) * times;
    sums[2] += (argb & 0xFF) * times;
  }
}

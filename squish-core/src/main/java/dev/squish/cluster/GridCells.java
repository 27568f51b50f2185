package dev.squish.cluster;

import dev.squish.histogram.ColorHistogram;
import java.util.Arrays;

/**
 * The histogram's colours sorted into the cells of a grid of {@code 2^bits} levels per channel,
 * on the stored 8-bit values (so it serves any working space): what the coarse passes of k-means
 * and EM pool colours by.
 */
public final class GridCells {
  private GridCells() {}

  /**
   * Sorts the colours into cells (R, G, B, and A when {@code alpha}): {@code cellOfColor[i]}
   * becomes the cell of colour {@code i}, cells numbered from 0 in order of first occurrence.
   * Returns the number of occupied cells.
   *
   * @param cellOfColor filled in, at least {@code histogram.size()} long
   */
  public static int assign(ColorHistogram histogram, int bits, boolean alpha, int[] cellOfColor) {
    if (bits < 1 || bits > (alpha ? 6 : 8)) {
      throw new IllegalArgumentException("bits must be in 1.." + (alpha ? 6 : 8) + ", got " + bits);
    }
    int shift = 8 - bits;
    int[] cellIndex = new int[1 << (bits * (alpha ? 4 : 3))];
    Arrays.fill(cellIndex, -1);
    int cells = 0;
    for (int i = 0; i < histogram.size(); i++) {
      int c = histogram.color(i);
      int key = (((c >>> 16) & 0xFF) >>> shift) << (2 * bits)
          | (((c >>> 8) & 0xFF) >>> shift) << bits
          | ((c & 0xFF) >>> shift);
      if (alpha) {
        key |= ((c >>> 24) >>> shift) << (3 * bits);
      }
      if (cellIndex[key] < 0) {
        cellIndex[key] = cells++;
      }
      cellOfColor[i] = cellIndex[key];
    }
    return cells;
  }
}

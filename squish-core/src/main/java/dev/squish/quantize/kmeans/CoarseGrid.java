package dev.squish.quantize.kmeans;

import dev.squish.cluster.GridCells;
import dev.squish.cluster.WeightedPoints;
import dev.squish.histogram.ColorHistogram;

/**
 * The histogram's colours pooled into grid cells of {@code 2^(8-bits)} values per channel, each
 * cell represented by the weighted mean of its colours in the working space. Seeding and the
 * first Lloyd iterations run on these few thousand cells instead of the hundreds of thousands of
 * distinct colours of a photo; the full histogram only refines the result. Pooling is done on
 * the stored 8-bit values, so it works for any working space.
 */
final class CoarseGrid {
  private final WeightedPoints points;
  private final int[] cellOfColor;

  private CoarseGrid(WeightedPoints points, int[] cellOfColor) {
    this.points = points;
    this.cellOfColor = cellOfColor;
  }

  /**
   * The coarsest grid with at least {@code minCells} occupied cells; failing that the finest grid
   * tried, when it still has a quarter of them and pools the colours at least three to one (an
   * image of a few concentrated hues, with or without alpha); otherwise null (the histogram is
   * small enough to seed on).
   */
  static CoarseGrid of(ColorHistogram histogram, WeightedPoints points, boolean alpha, int minCells) {
    int[] levels = alpha ? new int[] {4, 5} : new int[] {5, 6, 7};
    CoarseGrid finest = null;
    for (int bits : levels) {
      finest = pool(histogram, points, alpha, bits);
      if (finest.points.size() >= minCells) {
        return finest;
      }
    }
    boolean worthIt = finest.points.size() >= minCells / 4 && 3L * finest.points.size() <= points.size();
    return worthIt ? finest : null;
  }

  private static CoarseGrid pool(ColorHistogram histogram, WeightedPoints fine, boolean alpha, int bits) {
    int n = histogram.size();
    int d = fine.dimensions();
    int[] cellOfColor = new int[n];
    int cells = GridCells.assign(histogram, bits, alpha, cellOfColor);
    double[] sums = new double[cells * d];
    double[] weights = new double[cells];
    double[] x = fine.coords();
    double[] w = fine.weights();
    for (int i = 0; i < n; i++) {
      int cell = cellOfColor[i];
      weights[cell] += w[i];
      for (int t = 0; t < d; t++) {
        sums[cell * d + t] += w[i] * x[i * d + t];
      }
    }
    for (int cell = 0; cell < cells; cell++) {
      for (int t = 0; t < d; t++) {
        sums[cell * d + t] /= weights[cell];
      }
    }
    return new CoarseGrid(new WeightedPoints(sums, weights, d), cellOfColor);
  }

  WeightedPoints points() {
    return points;
  }

  /** Bytes of its arrays: the cell of each colour, the cells' centres and weights. */
  long estimatedBytes() {
    return 4L * cellOfColor.length + (long) points.size() * (8L * points.dimensions() + 8);
  }

  /** For each histogram colour, the label of its cell. */
  int[] labelsOfColors(int[] cellLabels) {
    int[] labels = new int[cellOfColor.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = cellLabels[cellOfColor[i]];
    }
    return labels;
  }
}

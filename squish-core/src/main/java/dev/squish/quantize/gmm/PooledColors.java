package dev.squish.quantize.gmm;

import dev.squish.cluster.GridCells;
import dev.squish.cluster.WeightedPoints;
import dev.squish.histogram.ColorHistogram;

/**
 * The histogram's colours pooled into grid cells of {@code 2^(8-bits)} values per channel: each
 * cell is one point at the weighted mean of its colours, with their total weight and their
 * weighted covariance about that mean ({@code scatter}, packed lower triangle per cell).
 *
 * <p>EM on the cells is EM on the colours under one approximation: all colours of a cell share
 * the responsibilities computed at the cell's mean. The M-step stays exact for that
 * approximation because each cell brings its own scatter (so covariances do not shrink to the
 * spread of the cell means). A photo's hundreds of thousands of colours become a few thousand
 * cells, so the bulk of the EM iterations costs a few percent of what they cost on every colour,
 * and the final iterations on every colour start close to their fixed point.
 */
final class PooledColors {
  private final WeightedPoints points;
  private final double[] scatter;

  private PooledColors(WeightedPoints points, double[] scatter) {
    this.points = points;
    this.scatter = scatter;
  }

  WeightedPoints points() {
    return points;
  }

  double[] scatter() {
    return scatter;
  }

  /**
   * The coarsest grid with at least {@code minCells} occupied cells, or the finest grid tried
   * (6 bits per channel; 5 with alpha) when none has that many.
   */
  static PooledColors of(ColorHistogram histogram, WeightedPoints fine, boolean alpha, int minCells) {
    int[] levels = alpha ? new int[] {4, 5} : new int[] {5, 6};
    int[] cellOfColor = new int[histogram.size()];
    int cells = 0;
    for (int bits : levels) {
      cells = GridCells.assign(histogram, bits, alpha, cellOfColor);
      if (cells >= minCells) {
        break;
      }
    }
    return pool(fine, cellOfColor, cells);
  }

  /** Weighted means, then weighted scatter about them (two passes: no cancellation). */
  private static PooledColors pool(WeightedPoints fine, int[] cellOfColor, int cells) {
    int d = fine.dimensions();
    int tri = Cholesky.packedSize(d);
    double[] x = fine.coords();
    double[] w = fine.weights();
    double[] means = new double[cells * d];
    double[] weights = new double[cells];
    for (int i = 0; i < cellOfColor.length; i++) {
      int cell = cellOfColor[i];
      weights[cell] += w[i];
      for (int t = 0; t < d; t++) {
        means[cell * d + t] += w[i] * x[i * d + t];
      }
    }
    for (int cell = 0; cell < cells; cell++) {
      for (int t = 0; t < d; t++) {
        means[cell * d + t] /= weights[cell];
      }
    }
    double[] scatter = new double[cells * tri];
    for (int i = 0; i < cellOfColor.length; i++) {
      int cell = cellOfColor[i];
      int p = cell * tri;
      for (int a = 0; a < d; a++) {
        double da = x[i * d + a] - means[cell * d + a];
        for (int b = 0; b <= a; b++) {
          scatter[p++] += w[i] * da * (x[i * d + b] - means[cell * d + b]);
        }
      }
    }
    for (int cell = 0; cell < cells; cell++) {
      for (int t = 0; t < tri; t++) {
        scatter[cell * tri + t] /= weights[cell];
      }
    }
    return new PooledColors(new WeightedPoints(means, weights, d), scatter);
  }
}

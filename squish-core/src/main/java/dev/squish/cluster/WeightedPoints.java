package dev.squish.cluster;

import dev.squish.color.ColorCoordinates;
import dev.squish.histogram.ColorHistogram;
import dev.squish.parallel.ParallelChunks;

/**
 * Points with weights: the histogram's colours in a working space, each weighted by its pixel
 * count. Coordinates are stored interleaved, {@code coords[i * dimensions + c]}. This is the
 * input of every clustering kernel. The arrays are shared, not copied, for speed; nothing in
 * squish modifies them after construction.
 */
public record WeightedPoints(double[] coords, double[] weights, int dimensions) {

  public WeightedPoints {
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be >= 1, got " + dimensions);
    }
    if (coords.length != (long) weights.length * dimensions) {
      throw new IllegalArgumentException(
          "coords holds " + coords.length + " values, " + weights.length + " points of " + dimensions + " need "
              + (long) weights.length * dimensions);
    }
  }

  /** The colours of {@code histogram} mapped by {@code space}, weighted by their counts. */
  public static WeightedPoints of(ColorHistogram histogram, ColorCoordinates space) {
    int n = histogram.size();
    int d = space.dimensions();
    double[] coords = new double[n * d];
    double[] weights = new double[n];
    ParallelChunks.forEach(n, 1 << 14, (chunk, from, to) -> {
      for (int i = from; i < to; i++) {
        space.toPoint(histogram.color(i), coords, i * d);
        weights[i] = histogram.count(i);
      }
    });
    return new WeightedPoints(coords, weights, d);
  }

  /** Number of points. */
  public int size() {
    return weights.length;
  }

  /** Sum of the weights. */
  public double totalWeight() {
    double s = 0;
    for (double w : weights) {
      s += w;
    }
    return s;
  }

  /** Squared Euclidean distance between point {@code a[ao..]} and point {@code b[bo..]} of {@code d} coordinates. */
  public static double distance2(double[] a, int ao, double[] b, int bo, int d) {
    if (d == 3) {
      double dx = a[ao] - b[bo];
      double dy = a[ao + 1] - b[bo + 1];
      double dz = a[ao + 2] - b[bo + 2];
      return dx * dx + dy * dy + dz * dz;
    }
    double s = 0;
    for (int c = 0; c < d; c++) {
      double dc = a[ao + c] - b[bo + c];
      s += dc * dc;
    }
    return s;
  }
}

package dev.squish.cluster;

import dev.squish.color.ColorCoordinates;
import dev.squish.image.Palette;
import java.util.Arrays;

/**
 * Exact nearest-centre search for many queries against a few hundred centres, pruned with the
 * triangle inequality instead of a tree.
 *
 * <p>For each centre {@code a} the other centres are kept sorted by their distance to {@code a}.
 * A query starts from a guess {@code a} (its label in the previous k-means iteration, or the
 * index of the neighbouring pixel), at distance {@code d} from it. Any centre {@code j} with
 * {@code |a - j| >= 2d} cannot be nearer than {@code a} (triangle inequality), so the scan of
 * {@code a}'s sorted list stops there; and if {@code d} is at most half the distance from
 * {@code a} to its closest other centre, no scan is needed at all. With good guesses a query
 * costs a handful of distance evaluations instead of {@code k}. (After Phillips, "Acceleration
 * of k-means and related clustering algorithms", 2002, and Elkan, ICML 2003.)
 *
 * <p>Immutable and thread-safe; building costs {@code O(k^2 log k)}.
 */
public final class NearestCenters {
  private final double[] centers;
  private final int k;
  private final int dim;
  /** For centre a: the other centres by increasing distance, at {@code [a*(k-1), (a+1)*(k-1))}. */
  private final int[] neighbors;
  /** Squared distances matching {@link #neighbors}. */
  private final double[] neighborDist2;
  /** A quarter of the squared distance from each centre to its closest other centre. */
  private final double[] quarterMin2;

  /** Builds the search structure over {@code k} centres of {@code dim} coordinates (copied). */
  public NearestCenters(double[] centers, int k, int dim) {
    if (k < 1 || k > 4096 || centers.length < k * dim) {
      throw new IllegalArgumentException("need " + k + " centres of " + dim + " coordinates, got " + centers.length);
    }
    this.centers = Arrays.copyOf(centers, k * dim);
    this.k = k;
    this.dim = dim;
    int m = k - 1;
    neighbors = new int[k * m];
    neighborDist2 = new double[k * m];
    quarterMin2 = new double[k];
    long[] keyed = new long[m];
    double[] row = new double[k];
    for (int a = 0; a < k; a++) {
      int n = 0;
      for (int j = 0; j < k; j++) {
        if (j != a) {
          row[j] = WeightedPoints.distance2(this.centers, a * dim, this.centers, j * dim, dim);
          // non-negative doubles order like their bit patterns: sort (distance, index) as one long,
          // the index in the lowest 12 bits of the mantissa
          keyed[n++] = (Double.doubleToLongBits(row[j]) & ~0xFFFL) | j;
        }
      }
      Arrays.sort(keyed, 0, m);
      for (int t = 0; t < m; t++) {
        neighbors[a * m + t] = (int) (keyed[t] & 0xFFF);
        // the truncated distance is a lower bound of the true one, so stopping the scan on it
        // (see nearest) never skips a centre that could be nearer
        neighborDist2[a * m + t] = Double.longBitsToDouble(keyed[t] & ~0xFFFL);
      }
      quarterMin2[a] = m == 0 ? Double.POSITIVE_INFINITY : minOf(neighborDist2, a * m, m) / 4;
    }
  }

  /** The search over the entries of {@code palette} as points of {@code space}. */
  public static NearestCenters of(Palette palette, ColorCoordinates space) {
    int d = space.dimensions();
    int k = palette.size();
    double[] points = new double[k * d];
    for (int j = 0; j < k; j++) {
      space.toPoint(palette.color(j), points, j * d);
    }
    return new NearestCenters(points, k, d);
  }

  private static double minOf(double[] v, int from, int n) {
    double min = Double.POSITIVE_INFINITY;
    for (int i = from; i < from + n; i++) {
      min = Math.min(min, v[i]);
    }
    return min;
  }

  /** Number of centres. */
  public int size() {
    return k;
  }

  /** Number of coordinates per centre. */
  public int dimensions() {
    return dim;
  }

  /**
   * Index of the centre nearest to the point at {@code point[offset..]}, starting from centre
   * {@code guess} (any valid index; a good guess makes it fast). Ties go to the guess, then to
   * the centre met first in the guess's neighbour order, so the answer is deterministic.
   */
  public int nearest(double[] point, int offset, int guess) {
    return nearest(point, offset, guess, null, 0);
  }

  /**
   * Like {@link #nearest(double[], int, int)}, and also stores the squared distance to the
   * nearest centre in {@code dist2[dist2Index]} when {@code dist2} is not null.
   */
  public int nearest(double[] point, int offset, int guess, double[] dist2, int dist2Index) {
    int a = guess;
    double da = WeightedPoints.distance2(point, offset, centers, a * dim, dim);
    int best = a;
    double bestD = da;
    if (da > quarterMin2[a]) {
      double limit = 4 * da;
      int m = k - 1;
      int base = a * m;
      for (int t = 0; t < m; t++) {
        if (neighborDist2[base + t] >= limit) {
          break;
        }
        int j = neighbors[base + t];
        double dj = WeightedPoints.distance2(point, offset, centers, j * dim, dim);
        if (dj < bestD) {
          bestD = dj;
          best = j;
        }
      }
    }
    if (dist2 != null) {
      dist2[dist2Index] = bestD;
    }
    return best;
  }

  /**
   * Like {@link #nearest(double[], int, int, double[], int)}, but a tie (centres at exactly the same
   * distance) goes to the centre whose coordinates come first, compared one by one, not to the guess.
   * The answer then depends only on the point and the set of centres, not on their order or on the
   * guess, so that a palette fitted to an image and the same palette given back in another order
   * (its writing order, from a saved palette file) assign every colour alike. The scan's bounds get
   * a relative slack of {@value #TIE_SLACK}, so that rounding cannot hide a centre at the same
   * distance.
   */
  public int nearestCanonical(double[] point, int offset, int guess, double[] dist2, int dist2Index) {
    int best = guess;
    double bestD = WeightedPoints.distance2(point, offset, centers, guess * dim, dim);
    if (!(bestD < quarterMin2[guess] * (1 - TIE_SLACK))) {
      double limit = 4 * bestD * (1 + TIE_SLACK);
      int m = k - 1;
      int base = guess * m;
      for (int t = 0; t < m; t++) {
        if (neighborDist2[base + t] > limit) {
          break;
        }
        int j = neighbors[base + t];
        double dj = WeightedPoints.distance2(point, offset, centers, j * dim, dim);
        if (dj < bestD || dj == bestD && comesFirst(j, best)) {
          bestD = dj;
          best = j;
        }
      }
    }
    if (dist2 != null) {
      dist2[dist2Index] = bestD;
    }
    return best;
  }

  /** Relative slack of {@link #nearestCanonical}'s bounds: far above double rounding, far below any real gap. */
  static final double TIE_SLACK = 1e-9;

  /** Whether centre {@code a}'s coordinates come before {@code b}'s (the first that differs decides; index last). */
  private boolean comesFirst(int a, int b) {
    for (int c = 0; c < dim; c++) {
      double x = centers[a * dim + c];
      double y = centers[b * dim + c];
      if (x != y) {
        return x < y;
      }
    }
    return a < b;
  }

  /** Coordinate {@code c} of centre {@code j}. */
  public double coordinate(int j, int c) {
    return centers[j * dim + c];
  }

  /** Squared distance from the point at {@code point[offset..]} to centre {@code c}, in double precision. */
  public double distance2To(double[] point, int offset, int c) {
    return WeightedPoints.distance2(point, offset, centers, c * dim, dim);
  }
}

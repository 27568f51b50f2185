package dev.squish.quantize.kmeans;

import dev.squish.cluster.NearestCenters;
import dev.squish.cluster.WeightedPoints;
import dev.squish.parallel.ParallelChunks;
import java.util.Arrays;

/**
 * Weighted Lloyd iterations: assign every point to its nearest centre, move every centre to the
 * weighted mean of its points, until the objective stops dropping.
 *
 * <p>The assignment step starts each point from its previous label and prunes with
 * {@link NearestCenters}, so after the first iterations most points cost one distance. Sums are
 * accumulated per fixed-size chunk and added in chunk order: the result is bit-identical on any
 * number of cores.
 */
final class Lloyd {
  private static final int CHUNK = 1 << 14;

  private Lloyd() {}

  /**
   * Lloyd iterations from {@code initialCenters}; the first {@code fixed} centres never move (and
   * are never reseeded), though points may join them.
   */
  static KMeansFit run(WeightedPoints points, double[] initialCenters, int k, int fixed, int[] initialLabels,
      int maxIterations, double tolerance) {
    int n = points.size();
    int d = points.dimensions();
    double[] x = points.coords();
    double[] w = points.weights();
    double[] centers = Arrays.copyOf(initialCenters, k * d);
    int[] labels = initialLabels == null ? new int[n] : initialLabels.clone();
    double[] dist2 = new double[n];
    int chunks = ParallelChunks.chunkCount(n, CHUNK);
    double[][] sums = new double[chunks][k * d];
    double[][] mass = new double[chunks][k];
    double[] objectives = new double[chunks];
    int[] moved = new int[chunks];
    double[] history = new double[maxIterations];

    double previous = Double.POSITIVE_INFINITY;
    int iterations = 0;
    int reseeded = 0;
    boolean converged = false;
    double objective = Double.NaN;
    while (iterations < maxIterations) {
      NearestCenters search = new NearestCenters(centers, k, d);
      ParallelChunks.forEach(n, CHUNK, (c, from, to) -> {
        double[] s = sums[c];
        double[] m = mass[c];
        Arrays.fill(s, 0);
        Arrays.fill(m, 0);
        double obj = 0;
        int changed = 0;
        for (int i = from; i < to; i++) {
          int old = labels[i];
          int j = search.nearest(x, i * d, old, dist2, i);
          if (j != old) {
            labels[i] = j;
            changed++;
          }
          double wi = w[i];
          obj += wi * dist2[i];
          m[j] += wi;
          int base = j * d;
          for (int t = 0; t < d; t++) {
            s[base + t] += wi * x[i * d + t];
          }
        }
        objectives[c] = obj;
        moved[c] = changed;
      });
      objective = 0;
      int changed = 0;
      for (int c = 0; c < chunks; c++) {
        objective += objectives[c];
        changed += moved[c];
      }
      history[iterations++] = objective;
      int reseededNow = updateCenters(centers, k, fixed, d, sums, mass, x, w, dist2);
      reseeded += reseededNow;
      boolean stalled = iterations > 1 && changed == 0 && reseededNow == 0;
      boolean flat = iterations > 1 && reseededNow == 0 && previous - objective <= tolerance * previous;
      if (stalled || flat) {
        converged = true;
        break;
      }
      previous = objective;
    }
    return new KMeansFit(centers, k, labels, objective, iterations, converged, Arrays.copyOf(history, iterations),
        reseeded, fixed);
  }

  /** Moves centres to their means; an empty cluster takes the point contributing most error. Returns reseeds. */
  private static int updateCenters(double[] centers, int k, int fixed, int d, double[][] sums, double[][] mass,
      double[] x, double[] w, double[] dist2) {
    int reseeded = 0;
    for (int j = fixed; j < k; j++) {
      double m = 0;
      for (double[] chunkMass : mass) {
        m += chunkMass[j];
      }
      if (m > 0) {
        for (int t = 0; t < d; t++) {
          double s = 0;
          for (double[] chunkSums : sums) {
            s += chunkSums[j * d + t];
          }
          centers[j * d + t] = s / m;
        }
      } else {
        int worst = worstFitted(w, dist2);
        if (worst >= 0) {
          System.arraycopy(x, worst * d, centers, j * d, d);
          dist2[worst] = 0; // the next empty cluster takes the next-worst point
          reseeded++;
        }
      }
    }
    return reseeded;
  }

  private static int worstFitted(double[] w, double[] dist2) {
    int worst = -1;
    double most = 0;
    for (int i = 0; i < w.length; i++) {
      double e = w[i] * dist2[i];
      if (e > most) {
        most = e;
        worst = i;
      }
    }
    return worst;
  }
}

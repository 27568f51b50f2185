package dev.squish.quantize.kmeans;

import dev.squish.cluster.WeightedPoints;
import dev.squish.parallel.ParallelChunks;
import java.util.SplittableRandom;

/**
 * Greedy weighted k-means++ seeding (Arthur and Vassilvitskii, SODA 2007; the greedy variant of
 * their section 5, as in scikit-learn): each new centre is the best of {@code 2 + ln k}
 * candidates drawn with probability proportional to weight times squared distance to the
 * nearest centre so far, "best" meaning the lowest resulting potential.
 */
final class KMeansPlusPlus {
  private static final int CHUNK = 1 << 12;

  private KMeansPlusPlus() {}

  /** {@return the candidates per centre of the greedy variant as proposed: {@code 2 + ln k}} */
  static int greedyTrials(int k) {
    return 2 + (int) Math.log(k);
  }

  /** {@code k} initial centres, {@code k} at most the number of distinct points, each the best of {@code trials}. */
  static double[] seed(WeightedPoints points, int k, int trials, SplittableRandom random) {
    return extend(points, new double[0], k, trials, random);
  }

  /**
   * {@code k} centres that begin with the {@code given.length / d} centres of {@code given}
   * (kept as they are) and continue with greedy k-means++ choices: a warm start from a smaller
   * solution. Each new centre is the best of {@code trials} candidates (1: plain k-means++).
   */
  static double[] extend(WeightedPoints points, double[] given, int k, int trials, SplittableRandom random) {
    int n = points.size();
    int d = points.dimensions();
    double[] x = points.coords();
    double[] w = points.weights();
    double[] centers = new double[k * d];
    double[] closest = new double[n];
    double[] cumulative = new double[n];
    int start = Math.min(k, given.length / d);
    System.arraycopy(given, 0, centers, 0, start * d);
    if (start == 0) {
      prefixSums(w, null, cumulative);
      int first = sample(cumulative, random.nextDouble());
      System.arraycopy(x, first * d, centers, 0, d);
      start = 1;
    }
    int known = start;
    ParallelChunks.forEach(n, CHUNK, (c, from, to) -> {
      for (int i = from; i < to; i++) {
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < known; j++) {
          best = Math.min(best, WeightedPoints.distance2(x, i * d, centers, j * d, d));
        }
        closest[i] = best;
      }
    });
    int[] candidates = new int[trials];
    int chunks = ParallelChunks.chunkCount(n, CHUNK);
    double[][] partial = new double[chunks][trials];
    for (int c = start; c < k; c++) {
      double potential = prefixSums(w, closest, cumulative);
      if (!(potential > 0)) {
        // every point already coincides with a centre: cannot happen with k <= distinct points,
        // but never divide by zero
        candidates[0] = firstUnused(closest);
        commit(x, d, centers, c, candidates[0], closest);
        continue;
      }
      for (int t = 0; t < trials; t++) {
        candidates[t] = sample(cumulative, random.nextDouble());
      }
      ParallelChunks.forEach(n, CHUNK, (chunk, from, to) -> {
        double[] sums = partial[chunk];
        java.util.Arrays.fill(sums, 0);
        for (int i = from; i < to; i++) {
          for (int t = 0; t < trials; t++) {
            double dist = WeightedPoints.distance2(x, i * d, x, candidates[t] * d, d);
            sums[t] += w[i] * Math.min(closest[i], dist);
          }
        }
      });
      int best = 0;
      double bestPotential = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        double s = 0;
        for (int chunk = 0; chunk < chunks; chunk++) {
          s += partial[chunk][t];
        }
        if (s < bestPotential) {
          bestPotential = s;
          best = t;
        }
      }
      commit(x, d, centers, c, candidates[best], closest);
    }
    return centers;
  }

  private static void commit(double[] x, int d, double[] centers, int c, int point, double[] closest) {
    System.arraycopy(x, point * d, centers, c * d, d);
    ParallelChunks.forEach(closest.length, CHUNK, (chunk, from, to) -> {
      for (int i = from; i < to; i++) {
        closest[i] = Math.min(closest[i], WeightedPoints.distance2(x, i * d, centers, c * d, d));
      }
    });
  }

  private static int firstUnused(double[] closest) {
    for (int i = 0; i < closest.length; i++) {
      if (closest[i] > 0) {
        return i;
      }
    }
    return 0;
  }

  /** Fills {@code cumulative} with prefix sums of {@code w[i] * f[i]} ({@code f} null: of w) and returns the total. */
  private static double prefixSums(double[] w, double[] f, double[] cumulative) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += f == null ? w[i] : w[i] * f[i];
      cumulative[i] = s;
    }
    return s;
  }

  /** Index drawn with probability proportional to its increment of {@code cumulative}; {@code u} in [0, 1). */
  static int sample(double[] cumulative, double u) {
    int n = cumulative.length;
    double target = u * cumulative[n - 1];
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > target) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    // u * total can round up to total: step back to the last point with a positive share
    while (lo > 0 && cumulative[lo] == cumulative[lo - 1]) {
      lo--;
    }
    return lo;
  }
}

package dev.squish.quantize.kmeans;

import dev.squish.cluster.WeightedPoints;
import java.util.SplittableRandom;

/**
 * Random-swap refinement of a k-means solution (Fränti and Kivijärvi, "Randomised local search
 * algorithm for the clustering problem", Pattern Analysis and Applications, 2000): move one
 * centre to a point drawn with probability proportional to its weighted squared error, run two
 * Lloyd iterations, keep the result if the objective dropped. Lloyd alone stops in the first
 * local optimum; swapping lets a centre leave a crowded region for an under-served one, which
 * is where most of the remaining error of a colour palette sits. Runs on the coarse grid, where
 * a trial costs milliseconds.
 */
final class RandomSwap {
  private static final int LOCAL_ITERATIONS = 2;

  private RandomSwap() {}

  static KMeansFit refine(WeightedPoints points, KMeansFit start, int trials, double tolerance,
      SplittableRandom random) {
    int k = start.k();
    int fixed = start.fixed();
    if (k - fixed < 2 || trials < 1) {
      return start;
    }
    int d = points.dimensions();
    double[] x = points.coords();
    KMeansFit best = settle(points, start.centers(), k, fixed, start.labels(), tolerance);
    for (int t = 0; t < trials; t++) {
      double[] centers = best.centers().clone();
      int victim = fixed + random.nextInt(k - fixed);
      int target = sampleByError(points, best, random);
      System.arraycopy(x, target * d, centers, victim * d, d);
      KMeansFit trial = Lloyd.run(points, centers, k, fixed, best.labels(), LOCAL_ITERATIONS, 0);
      if (trial.objective() < best.objective()) {
        best = trial;
      }
    }
    return settle(points, best.centers(), k, fixed, best.labels(), tolerance);
  }

  private static KMeansFit settle(WeightedPoints points, double[] centers, int k, int fixed, int[] labels,
      double tolerance) {
    return Lloyd.run(points, centers, k, fixed, labels, KMeansConfig.DEFAULT_MAX_ITERATIONS, tolerance);
  }

  /** A point drawn with probability proportional to weight times squared distance to its centre. */
  private static int sampleByError(WeightedPoints points, KMeansFit fit, SplittableRandom random) {
    int n = points.size();
    int d = points.dimensions();
    double[] x = points.coords();
    double[] w = points.weights();
    double[] c = fit.centers();
    int[] labels = fit.labels();
    double[] cumulative = new double[n];
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += w[i] * WeightedPoints.distance2(x, i * d, c, labels[i] * d, d);
      cumulative[i] = s;
    }
    return KMeansPlusPlus.sample(cumulative, random.nextDouble());
  }
}

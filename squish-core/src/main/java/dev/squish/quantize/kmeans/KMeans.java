package dev.squish.quantize.kmeans;

import dev.squish.cluster.WeightedPoints;
import java.util.SplittableRandom;

/**
 * Weighted k-means on points in a working space: greedy k-means++ seeding followed by Lloyd
 * iterations (see {@link KMeansQuantizer} for the colour-quantization pipeline around it).
 * Deterministic for a given seed, whatever the number of cores.
 */
public final class KMeans {
  private KMeans() {}

  /**
   * Seeds {@code k} centres with greedy k-means++ and runs Lloyd iterations.
   *
   * @param k number of clusters, at most the number of distinct points
   * @param maxIterations iteration cap, at least 1
   * @param tolerance stop when the objective drops by less than this fraction in one iteration
   * @param seed seed of the random choices
   */
  public static KMeansFit fit(WeightedPoints points, int k, int maxIterations, double tolerance, long seed) {
    checkK(points, k);
    double[] centers = KMeansPlusPlus.seed(points, k, KMeansPlusPlus.greedyTrials(k), new SplittableRandom(seed));
    return Lloyd.run(points, centers, k, 0, null, maxIterations, tolerance);
  }

  /**
   * Like {@link #fit} with the first centres given and held in place: {@code fixedCenters}
   * holds {@code fixedCenters.length / dimensions} centres that never move (points may still join
   * them); the others are seeded by k-means++ around them, each the best of {@code trials}
   * candidates.
   */
  public static KMeansFit fitAround(WeightedPoints points, double[] fixedCenters, int k, int trials,
      int maxIterations, double tolerance, long seed) {
    int fixed = fixedCenters.length / points.dimensions();
    checkK(points, k, fixed);
    double[] centers = KMeansPlusPlus.extend(points, fixedCenters, k, trials, new SplittableRandom(seed));
    return Lloyd.run(points, centers, k, fixed, null, maxIterations, tolerance);
  }

  /**
   * Runs Lloyd iterations from given centres.
   *
   * @param centers {@code k} starting centres (copied)
   * @param labels a starting guess of each point's centre (copied), or null; good guesses make the first iteration fast
   */
  public static KMeansFit refine(WeightedPoints points, double[] centers, int k, int[] labels, int maxIterations,
      double tolerance) {
    return refine(points, centers, k, 0, labels, maxIterations, tolerance);
  }

  /** Like {@link #refine} with the first {@code fixed} centres held in place. */
  public static KMeansFit refine(WeightedPoints points, double[] centers, int k, int fixed, int[] labels,
      int maxIterations, double tolerance) {
    checkK(points, k, fixed);
    if (labels != null && labels.length != points.size()) {
      throw new IllegalArgumentException("labels has " + labels.length + " entries for " + points.size() + " points");
    }
    return Lloyd.run(points, centers, k, fixed, labels, maxIterations, tolerance);
  }

  private static void checkK(WeightedPoints points, int k) {
    checkK(points, k, 0);
  }

  /** Pinned centres need no point of their own (a kept colour may be in no pixel); the others do. */
  private static void checkK(WeightedPoints points, int k, int fixed) {
    if (k < 1 || k - fixed > points.size() || fixed > k) {
      throw new IllegalArgumentException("k must be in 1.." + (points.size() + fixed) + " (the number of points"
          + (fixed > 0 ? " and pinned centres" : "") + "), got " + k);
    }
  }
}

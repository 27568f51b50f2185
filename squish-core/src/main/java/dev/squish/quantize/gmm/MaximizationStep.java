package dev.squish.quantize.gmm;

import dev.squish.quantize.Covariance;

/**
 * The M-step: new weights, means and covariances from the statistics of an E-step (see
 * {@link ExpectationPass} for their layout), with {@code regCovar} added to each diagonal, and the
 * covariance reduced to the shape the {@link Covariance} allows. A component whose mass is below
 * {@code minMass} or whose covariance cannot be factored is marked collapsed and left for the caller
 * to re-seed or drop; a component of weight 0 (dropped earlier) stays dropped.
 */
final class MaximizationStep {
  private MaximizationStep() {}

  /**
   * The new parameters; arrays sized for all {@code k} components.
   *
   * @param collapsed per component: 0 healthy, 1 too little mass, 2 singular covariance
   */
  record Result(double[] weights, double[] means, double[] covariances, double[] lower, double[] masses,
      int[] collapsed) {}

  /** Collapse code: mass below the minimum. */
  static final int LOW_MASS = 1;
  /** Collapse code: covariance not positive definite even after regularization. */
  static final int SINGULAR = 2;

  /**
   * @param oldMeans the means the statistics were taken about
   * @param oldWeights a component whose old weight is 0 is dropped and stays so
   * @param fixed leading components whose means do not move
   */
  static Result run(double[] stats, int stride, double[] oldMeans, double[] oldWeights, int fixed, int d,
      Covariance type, double regCovar, double totalWeight, double minMass) {
    int k = oldWeights.length;
    int tri = Cholesky.packedSize(d);
    double[] weights = new double[k];
    double[] means = new double[k * d];
    double[] covariances = new double[k * d * d];
    double[] lower = new double[k * tri];
    double[] masses = new double[k];
    int[] collapsed = new int[k];
    double[] delta = new double[d];
    for (int j = 0; j < k; j++) {
      int so = j * stride;
      double mass = stats[so];
      masses[j] = mass;
      System.arraycopy(oldMeans, j * d, means, j * d, d);
      if (oldWeights[j] == 0) {
        identity(covariances, j * d * d, lower, j * tri, d);
        continue;
      }
      if (!(mass >= minMass)) {
        collapsed[j] = LOW_MASS;
        continue;
      }
      for (int a = 0; a < d; a++) {
        delta[a] = j < fixed ? 0 : stats[so + 1 + a] / mass;
        means[j * d + a] += delta[a];
      }
      covariance(stats, so + 1 + d, mass, delta, d, type, regCovar, covariances, j * d * d);
      if (!Cholesky.factor(covariances, j * d * d, d, lower, j * tri)) {
        collapsed[j] = SINGULAR;
        continue;
      }
      weights[j] = mass / totalWeight;
    }
    return new Result(weights, means, covariances, lower, masses, collapsed);
  }

  /** {@code S2 / mass - delta delta^T}, shaped by {@code type}, plus {@code regCovar} on the diagonal. */
  private static void covariance(double[] stats, int s2, double mass, double[] delta, int d, Covariance type,
      double regCovar, double[] out, int oo) {
    int p = s2;
    for (int a = 0; a < d; a++) {
      for (int b = 0; b <= a; b++) {
        double v = stats[p++] / mass - delta[a] * delta[b];
        out[oo + a * d + b] = v;
        out[oo + b * d + a] = v;
      }
    }
    if (type != Covariance.FULL) {
      double mean = 0;
      for (int a = 0; a < d; a++) {
        // a variance cannot be negative; rounding of a near-zero one can make it so
        mean += Math.max(0, out[oo + a * d + a]);
      }
      mean /= d;
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          if (a != b) {
            out[oo + a * d + b] = 0;
          } else if (type == Covariance.SPHERICAL) {
            out[oo + a * d + a] = mean;
          } else {
            out[oo + a * d + a] = Math.max(0, out[oo + a * d + a]);
          }
        }
      }
    }
    for (int a = 0; a < d; a++) {
      out[oo + a * d + a] += regCovar;
    }
  }

  static void identity(double[] cov, int co, double[] lower, int lo, int d) {
    for (int a = 0; a < d; a++) {
      cov[co + a * d + a] = 1;
      lower[lo + a * (a + 1) / 2 + a] = 1;
    }
  }
}

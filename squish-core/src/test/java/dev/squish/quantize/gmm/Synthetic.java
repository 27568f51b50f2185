package dev.squish.quantize.gmm;

import dev.squish.cluster.WeightedPoints;
import dev.squish.histogram.ColorHistogram;
import dev.squish.quantize.Covariance;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded samples from known Gaussian mixtures, as points or as an 8-bit colour histogram. */
final class Synthetic {
  private Synthetic() {}

  /** {@code n} draws (unit weights) from {@code mixture}. */
  static WeightedPoints sample(Mixture mixture, int n, long seed) {
    int d = mixture.dimensions();
    double[] x = new double[n * d];
    double[] w = new double[n];
    SplittableRandom r = new SplittableRandom(seed);
    double[] z = new double[d];
    for (int i = 0; i < n; i++) {
      draw(mixture, r, z, x, i * d);
      w[i] = 1;
    }
    return new WeightedPoints(x, w, d);
  }

  /** {@code n} draws from a three-dimensional {@code mixture}, rounded and clamped to 8-bit opaque colours. */
  static ColorHistogram histogram(Mixture mixture, int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] z = new double[3];
    double[] x = new double[3];
    Map<Integer, Integer> counts = new HashMap<>();
    for (int i = 0; i < n; i++) {
      draw(mixture, r, z, x, 0);
      int argb = 0xFF000000 | channel(x[0]) << 16 | channel(x[1]) << 8 | channel(x[2]);
      counts.merge(argb, 1, Integer::sum);
    }
    int[] colors = new int[counts.size()];
    long[] n2 = new long[counts.size()];
    int t = 0;
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      colors[t] = e.getKey();
      n2[t++] = e.getValue();
    }
    return ColorHistogram.of(colors, n2);
  }

  private static int channel(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }

  private static void draw(Mixture m, SplittableRandom r, double[] z, double[] out, int off) {
    int d = m.dimensions();
    double u = r.nextDouble();
    int j = 0;
    while (j < m.components() - 1 && u >= m.weight(j)) {
      u -= m.weight(j);
      j++;
    }
    for (int t = 0; t < d; t++) {
      z[t] = gaussian(r);
    }
    double[] cov = m.covariance(j);
    double[] l = new double[Cholesky.packedSize(d)];
    Cholesky.factor(cov, 0, d, l, 0);
    double[] mu = m.mean(j);
    for (int a = 0; a < d; a++) {
      double s = mu[a];
      for (int b = 0; b <= a; b++) {
        s += l[a * (a + 1) / 2 + b] * z[b];
      }
      out[off + a] = s;
    }
  }

  /** A standard normal draw (Box-Muller; SplittableRandom has no nextGaussian on Java 17). */
  private static double gaussian(SplittableRandom r) {
    double u1 = 1 - r.nextDouble();
    double u2 = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Three well separated components in RGB, one of them a flat, strongly correlated "shadow". */
  static Mixture threeColours() {
    double[] weights = {0.5, 0.3, 0.2};
    double[] means = {60, 80, 100, 200, 60, 40, 120, 200, 90};
    double[] covariances = {
        120, 110, 100, 110, 121, 105, 100, 105, 110, // red, green and blue move together
        40, 0, 0, 0, 20, 5, 0, 5, 30,
        25, -10, 0, -10, 25, 0, 0, 0, 16};
    return Mixture.of(Covariance.FULL, 3, weights, means, covariances);
  }

  /** The component of {@code m} whose mean is nearest to {@code x}. */
  static int nearestMean(Mixture m, double[] x) {
    int best = 0;
    double bestD = Double.POSITIVE_INFINITY;
    for (int j = 0; j < m.components(); j++) {
      double d = WeightedPoints.distance2(m.mean(j), 0, x, 0, x.length);
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    }
    return best;
  }
}

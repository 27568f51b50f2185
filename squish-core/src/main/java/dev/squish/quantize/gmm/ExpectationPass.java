package dev.squish.quantize.gmm;

import dev.squish.cluster.WeightedPoints;
import dev.squish.parallel.ParallelChunks;
import java.util.Arrays;

/**
 * The E-step over weighted points: the log-likelihood of every point under a mixture and, fused
 * into the same pass, the sufficient statistics the M-step needs. The hot loop of EM.
 *
 * <p>Per point: the log weighted density of every component, their log-sum-exp, then the
 * responsibilities. A component whose log density is more than {@link #negligible} below the
 * largest contributes less than {@code 2^-53} of the sum even when all {@code k} of them do, so
 * its exponential, which would round away, is never computed, and it gets no share of the point.
 *
 * <p>Statistics are taken about the component's current mean {@code mu}: mass {@code sum r},
 * first moment {@code sum r (x - mu)} and second moment {@code sum r (x - mu)(x - mu)^T}. Near
 * convergence the new mean is close to {@code mu}, so the covariance
 * {@code S2/N - delta delta^T} loses no digits to cancellation, as the textbook
 * {@code E[x x^T] - mu mu^T} would with coordinates of 255 and variances of 0.07.
 *
 * <p>Points may carry their own covariance ({@code scatter}): a pooled cell stands for several
 * colours, and the M-step must see their spread or every covariance would shrink. Work is split
 * into fixed chunks whose sums are added in chunk order, so the result does not depend on the
 * number of threads; every buffer is allocated once per fit, never per point or per iteration.
 */
final class ExpectationPass {
  private static final int CHUNK = 1 << 12;

  private final WeightedPoints points;
  private final double[] scatter;
  private final int k;
  private final int d;
  private final int tri;
  private final int stride;
  private final int chunks;
  private final double negligible;
  private final double[][] chunkStats;
  private final double[] chunkLogLikelihood;
  private final double[][] chunkScratch;
  private final double[][] chunkPartial;
  private final double[][] chunkPartial2;
  private final int[][] chunkCandidates;
  private final double[] logDensity;
  private final int[] best;

  /**
   * @param points the data
   * @param scatter for each point its own covariance, packed lower triangle, or null for points that are single colours
   * @param k number of components of the mixtures this pass will see
   */
  ExpectationPass(WeightedPoints points, double[] scatter, int k) {
    this.points = points;
    this.scatter = scatter;
    this.k = k;
    this.d = points.dimensions();
    this.tri = Cholesky.packedSize(d);
    this.stride = 1 + d + tri;
    int n = points.size();
    if (scatter != null && scatter.length != n * tri) {
      throw new IllegalArgumentException("scatter holds " + scatter.length + " values for " + n + " points");
    }
    this.chunks = ParallelChunks.chunkCount(n, CHUNK);
    // exp(-37) < 2^-53 / 1.03: k such terms together stay below rounding of the largest
    this.negligible = 37 + Math.log(k);
    chunkStats = new double[chunks][k * stride];
    chunkLogLikelihood = new double[chunks];
    chunkScratch = new double[chunks][2 * k];
    chunkPartial = new double[chunks][k];
    chunkPartial2 = new double[chunks][k];
    chunkCandidates = new int[chunks][k];
    logDensity = new double[n];
    best = new int[n];
  }

  WeightedPoints points() {
    return points;
  }

  double[] scatter() {
    return scatter;
  }

  int components() {
    return k;
  }

  /** Values per component in the statistics: mass, first moment ({@code d}), packed second moment. */
  int stride() {
    return stride;
  }

  /** After {@link #run}: the log mixture density of point {@code i}. */
  double logDensity(int i) {
    return logDensity[i];
  }

  /** After {@link #run}: the component with the largest posterior for each point (shared, do not modify). */
  int[] mostProbable() {
    return best;
  }

  /**
   * One E-step.
   *
   * @param accumulate also gather the M-step statistics (read them with {@link #statistics})
   * @return the weighted sum of the points' log densities
   */
  double run(Mixture model, boolean accumulate) {
    if (model.components() != k || model.dimensions() != d) {
      throw new IllegalArgumentException("the pass was built for " + k + " components in " + d + " dimensions");
    }
    double[] x = points.coords();
    double[] w = points.weights();
    double[] mu = model.rawMeans();
    double[] prec = model.rawPrecision();
    double[] logC = model.rawLogConstants();
    double[][] cols = model.rawColumns();
    ParallelChunks.forEach(points.size(), CHUNK, (c, from, to) -> {
      double[] stats = chunkStats[c];
      if (accumulate) {
        Arrays.fill(stats, 0);
      }
      double[] ll = chunkScratch[c];
      double[] tmp = chunkPartial[c];
      double[] tmp2 = chunkPartial2[c];
      int[] cand = chunkCandidates[c];
      double total = 0;
      for (int i = from; i < to; i++) {
        int xo = i * d;
        // 1. log weighted density of every component (minus infinity for a dropped one), and the largest
        if (d == 3) {
          logDensities3(cols, x[xo], x[xo + 1], x[xo + 2], ll, tmp);
        } else if (d == 4) {
          logDensities4(cols, x[xo], x[xo + 1], x[xo + 2], x[xo + 3], ll, tmp, tmp2);
        } else {
          for (int j = 0; j < k; j++) {
            ll[j] = logC[j] - 0.5 * Mixture.mahalanobis2(x, xo, mu, j * d, prec, j * tri, d);
          }
        }
        double max = Double.NEGATIVE_INFINITY;
        int arg = 0;
        for (int j = 0; j < k; j++) {
          if (ll[j] > max) {
            max = ll[j];
            arg = j;
          }
        }
        // 2. log-sum-exp over the components that are not negligible
        double floor = max - negligible;
        int m = 0;
        double sum = 0;
        for (int j = 0; j < k; j++) {
          if (ll[j] >= floor) {
            double e = Math.exp(ll[j] - max);
            ll[k + m] = e;
            cand[m++] = j;
            sum += e;
          }
        }
        double logP = max + Math.log(sum);
        logDensity[i] = logP;
        best[i] = arg;
        total += w[i] * logP;
        // 3. responsibilities times weight, into the statistics about each current mean
        if (accumulate) {
          double scale = w[i] / sum;
          for (int t = 0; t < m; t++) {
            int j = cand[t];
            accumulate(stats, j * stride, ll[k + t] * scale, x, xo, mu, j * d, i);
          }
        }
      }
      chunkLogLikelihood[c] = total;
    });
    double total = 0;
    for (int c = 0; c < chunks; c++) {
      total += chunkLogLikelihood[c];
    }
    return total;
  }

  /**
   * Three-dimensional step 1 over the component columns: {@code y = P x - b} row by row, in two
   * loops that each read few columns (with more, the JIT no longer vectorizes them; measured 2.7
   * times faster than one loop over {@code P (x - mu)}). {@code P x} and {@code b} are of the
   * size of the coordinates times the precision, so the subtraction loses about 1e-13 of y:
   * nothing next to the log densities' own size.
   */
  private void logDensities3(double[][] cols, double x0, double x1, double x2, double[] ll, double[] t) {
    double[] p0 = cols[0];
    double[] p1 = cols[1];
    double[] p2 = cols[2];
    double[] p3 = cols[3];
    double[] p4 = cols[4];
    double[] p5 = cols[5];
    double[] b0 = cols[6];
    double[] b1 = cols[7];
    double[] b2 = cols[8];
    double[] c = cols[9];
    for (int j = 0; j < k; j++) {
      double y0 = p0[j] * x0 - b0[j];
      double y1 = p1[j] * x0 + p2[j] * x1 - b1[j];
      t[j] = y0 * y0 + y1 * y1;
    }
    for (int j = 0; j < k; j++) {
      double y2 = p3[j] * x0 + p4[j] * x1 + p5[j] * x2 - b2[j];
      ll[j] = c[j] - 0.5 * (t[j] + y2 * y2);
    }
  }

  /** Four-dimensional step 1 (premultiplied RGBA), split like {@link #logDensities3}. */
  private void logDensities4(double[][] cols, double x0, double x1, double x2, double x3, double[] ll, double[] t,
      double[] u) {
    double[] p0 = cols[0];
    double[] p1 = cols[1];
    double[] p2 = cols[2];
    double[] p3 = cols[3];
    double[] p4 = cols[4];
    double[] p5 = cols[5];
    double[] p6 = cols[6];
    double[] p7 = cols[7];
    double[] p8 = cols[8];
    double[] p9 = cols[9];
    double[] b0 = cols[10];
    double[] b1 = cols[11];
    double[] b2 = cols[12];
    double[] b3 = cols[13];
    double[] c = cols[14];
    for (int j = 0; j < k; j++) {
      double y0 = p0[j] * x0 - b0[j];
      double y1 = p1[j] * x0 + p2[j] * x1 - b1[j];
      t[j] = y0 * y0 + y1 * y1;
    }
    for (int j = 0; j < k; j++) {
      double y2 = p3[j] * x0 + p4[j] * x1 + p5[j] * x2 - b2[j];
      t[j] += y2 * y2;
    }
    for (int j = 0; j < k; j++) {
      u[j] = p6[j] * x0 + p7[j] * x1 + p8[j] * x2 - b3[j];
    }
    for (int j = 0; j < k; j++) {
      double y3 = u[j] + p9[j] * x3;
      ll[j] = c[j] - 0.5 * (t[j] + y3 * y3);
    }
  }

  /**
   * Statistics of a hard assignment: each point belongs wholly to {@code labels[i]}, moments taken
   * about {@code centers}. Read them with {@link #statistics}.
   */
  void runHard(double[] centers, int[] labels) {
    double[] x = points.coords();
    double[] w = points.weights();
    ParallelChunks.forEach(points.size(), CHUNK, (c, from, to) -> {
      double[] stats = chunkStats[c];
      Arrays.fill(stats, 0);
      for (int i = from; i < to; i++) {
        int j = labels[i];
        accumulate(stats, j * stride, w[i], x, i * d, centers, j * d, i);
      }
    });
  }

  private void accumulate(double[] stats, int so, double r, double[] x, int xo, double[] mu, int mo, int i) {
    stats[so] += r;
    int s2 = so + 1 + d;
    if (d == 3) {
      double d0 = x[xo] - mu[mo];
      double d1 = x[xo + 1] - mu[mo + 1];
      double d2 = x[xo + 2] - mu[mo + 2];
      double r0 = r * d0;
      double r1 = r * d1;
      double r2 = r * d2;
      stats[so + 1] += r0;
      stats[so + 2] += r1;
      stats[so + 3] += r2;
      stats[s2] += r0 * d0;
      stats[s2 + 1] += r1 * d0;
      stats[s2 + 2] += r1 * d1;
      stats[s2 + 3] += r2 * d0;
      stats[s2 + 4] += r2 * d1;
      stats[s2 + 5] += r2 * d2;
    } else if (d == 4) {
      double d0 = x[xo] - mu[mo];
      double d1 = x[xo + 1] - mu[mo + 1];
      double d2 = x[xo + 2] - mu[mo + 2];
      double d3 = x[xo + 3] - mu[mo + 3];
      double r0 = r * d0;
      double r1 = r * d1;
      double r2 = r * d2;
      double r3 = r * d3;
      stats[so + 1] += r0;
      stats[so + 2] += r1;
      stats[so + 3] += r2;
      stats[so + 4] += r3;
      stats[s2] += r0 * d0;
      stats[s2 + 1] += r1 * d0;
      stats[s2 + 2] += r1 * d1;
      stats[s2 + 3] += r2 * d0;
      stats[s2 + 4] += r2 * d1;
      stats[s2 + 5] += r2 * d2;
      stats[s2 + 6] += r3 * d0;
      stats[s2 + 7] += r3 * d1;
      stats[s2 + 8] += r3 * d2;
      stats[s2 + 9] += r3 * d3;
    } else {
      int p = s2;
      for (int a = 0; a < d; a++) {
        double ra = r * (x[xo + a] - mu[mo + a]);
        stats[so + 1 + a] += ra;
        for (int b = 0; b <= a; b++) {
          stats[p++] += ra * (x[xo + b] - mu[mo + b]);
        }
      }
    }
    if (scatter != null) {
      int vo = i * tri;
      for (int t = 0; t < tri; t++) {
        stats[s2 + t] += r * scatter[vo + t];
      }
    }
  }

  /** The statistics of the last pass that gathered them, summed over the chunks in chunk order, into {@code out}. */
  void statistics(double[] out) {
    Arrays.fill(out, 0, k * stride, 0);
    for (int c = 0; c < chunks; c++) {
      double[] s = chunkStats[c];
      for (int t = 0; t < k * stride; t++) {
        out[t] += s[t];
      }
    }
  }
}

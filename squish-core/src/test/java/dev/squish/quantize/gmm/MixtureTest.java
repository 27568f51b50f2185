package dev.squish.quantize.gmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import dev.squish.quantize.Covariance;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MixtureTest {

  /** A random symmetric positive definite matrix {@code A A^T + I}. */
  private static double[] spd(SplittableRandom r, int d) {
    double[] a = new double[d * d];
    for (int i = 0; i < a.length; i++) {
      a[i] = r.nextDouble(-10, 10);
    }
    double[] m = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double s = i == j ? 1 : 0;
        for (int t = 0; t < d; t++) {
          s += a[i * d + t] * a[j * d + t];
        }
        m[i * d + j] = s;
      }
    }
    return m;
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4})
  void choleskyFactorAndInverseReproduceTheMatrix(int d) {
    SplittableRandom r = new SplittableRandom(d);
    for (int trial = 0; trial < 50; trial++) {
      double[] a = spd(r, d);
      double[] l = new double[Cholesky.packedSize(d)];
      assertThat(Cholesky.factor(a, 0, d, l, 0)).isTrue();
      double[] inv = new double[l.length];
      Cholesky.invertLower(l, 0, d, inv, 0);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          double llt = 0;
          double pl = 0;
          for (int t = 0; t < d; t++) {
            llt += at(l, i, t) * at(l, j, t);
            pl += at(inv, i, t) * at(l, t, j);
          }
          assertThat(llt).isCloseTo(a[i * d + j], within(1e-9 * a[i * d + i]));
          assertThat(pl).isCloseTo(i == j ? 1 : 0, within(1e-9));
        }
      }
    }
  }

  @Test
  void singularMatrixIsRefused() {
    double[] grey = {100, 100, 100, 100, 100, 100, 100, 100, 100};
    assertThat(Cholesky.factor(grey, 0, 3, new double[6], 0)).isFalse();
  }

  private static double at(double[] packed, int r, int c) {
    return c > r ? 0 : packed[r * (r + 1) / 2 + c];
  }

  /** Against Commons Math's density (eigen-decomposition, linear space) on random mixtures and points. */
  @ParameterizedTest
  @ValueSource(ints = {3, 4})
  void logDensityMatchesAnIndependentImplementation(int d) {
    SplittableRandom r = new SplittableRandom(10 + d);
    int k = 5;
    double[] w = new double[k];
    double[] mu = new double[k * d];
    double[] cov = new double[k * d * d];
    double sum = 0;
    for (int j = 0; j < k; j++) {
      w[j] = r.nextDouble(0.1, 1);
      sum += w[j];
      for (int c = 0; c < d; c++) {
        mu[j * d + c] = r.nextDouble(0, 255);
      }
      System.arraycopy(spd(r, d), 0, cov, j * d * d, d * d);
    }
    for (int j = 0; j < k; j++) {
      w[j] /= sum;
    }
    Mixture m = Mixture.of(Covariance.FULL, d, w, mu, cov);
    MultivariateNormalDistribution[] ref = new MultivariateNormalDistribution[k];
    for (int j = 0; j < k; j++) {
      double[][] c = new double[d][d];
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          c[a][b] = cov[j * d * d + a * d + b];
        }
      }
      ref[j] = new MultivariateNormalDistribution(m.mean(j), c);
    }
    for (int trial = 0; trial < 200; trial++) {
      double[] x = new double[d];
      int j0 = r.nextInt(k);
      for (int c = 0; c < d; c++) {
        x[c] = mu[j0 * d + c] + r.nextDouble(-20, 20);
      }
      double p = 0;
      for (int j = 0; j < k; j++) {
        double pj = w[j] * ref[j].density(x);
        if (pj > 1e-280) { // the reference, in linear space, is only exact far from underflow
          assertThat(m.componentLogDensity(j, x, 0)).isCloseTo(Math.log(pj), within(1e-9 * Math.abs(Math.log(pj))));
        }
        p += pj;
      }
      assertThat(m.logDensity(x, 0)).isCloseTo(Math.log(p), within(1e-9 * Math.abs(Math.log(p))));
    }
  }

  /** Far from every component each density underflows to 0 in linear space; in log space nothing does. */
  @Test
  void farPointsHaveFiniteLogDensity() {
    Mixture m = Synthetic.threeColours();
    double[] x = {1e4, -1e4, 1e4};
    double v = m.logDensity(x, 0);
    assertThat(Double.isFinite(v)).isTrue();
    double best = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < 3; j++) {
      best = Math.max(best, m.componentLogDensity(j, x, 0));
    }
    assertThat(v).isBetween(best, best + Math.log(3));
  }
}

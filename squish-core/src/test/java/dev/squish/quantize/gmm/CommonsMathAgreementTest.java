package dev.squish.quantize.gmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import dev.squish.cluster.WeightedPoints;
import dev.squish.quantize.Covariance;
import org.apache.commons.math3.distribution.MixtureMultivariateNormalDistribution;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.apache.commons.math3.distribution.fitting.MultivariateNormalMixtureExpectationMaximization;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.util.Pair;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our EM against an independent implementation: Apache Commons Math's
 * {@code MultivariateNormalMixtureExpectationMaximization} (plain EM: densities in linear space,
 * covariances inverted by eigen-decomposition, no regularization, unweighted points). Both start
 * from the same parameters, so after the same number of iterations they must hold the same
 * mixture, and so the same log-likelihood, up to rounding.
 */
class CommonsMathAgreementTest {
  private static final int N = 2_000;

  /** A deliberately poor start: the right number of components in the wrong places, all alike. */
  private static Mixture start(int d) {
    double[] weights = {0.4, 0.35, 0.25};
    double[] means = new double[3 * d];
    double[] cov = new double[3 * d * d];
    for (int j = 0; j < 3; j++) {
      for (int c = 0; c < d; c++) {
        means[j * d + c] = 90 + 30 * j + 5 * c;
        cov[j * d * d + c * d + c] = 900;
      }
    }
    return Mixture.of(Covariance.FULL, d, weights, means, cov);
  }

  private static Mixture truth(int d) {
    if (d == 3) {
      return Synthetic.threeColours();
    }
    // four dimensions: the three colours with an independent fourth coordinate each
    Mixture t3 = Synthetic.threeColours();
    double[] means = new double[12];
    double[] cov = new double[48];
    for (int j = 0; j < 3; j++) {
      double[] m = t3.mean(j);
      double[] c = t3.covariance(j);
      for (int a = 0; a < 4; a++) {
        means[j * 4 + a] = a < 3 ? m[a] : 100 + 50 * j;
        for (int b = 0; b < 4; b++) {
          cov[j * 16 + a * 4 + b] = a < 3 && b < 3 ? c[a * 3 + b] : a == b ? 30 + 10 * j : 0;
        }
      }
    }
    return Mixture.of(Covariance.FULL, 4, t3.weights(), means, cov);
  }

  /** Runs {@code steps} iterations of Commons Math EM (its loop runs one more than the cap it is given). */
  private static MixtureMultivariateNormalDistribution commons(double[][] data, Mixture start, int steps) {
    int d = start.dimensions();
    double[][] means = new double[3][];
    double[][][] covs = new double[3][d][d];
    for (int j = 0; j < 3; j++) {
      means[j] = start.mean(j);
      double[] c = start.covariance(j);
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          covs[j][a][b] = c[a * d + b];
        }
      }
    }
    MultivariateNormalMixtureExpectationMaximization em = new MultivariateNormalMixtureExpectationMaximization(data);
    // with the smallest threshold allowed it runs exactly steps iterations (its cap must be at least 1, so steps at
    // least 2) and then reports non-convergence, unless the log-likelihood stopped changing to the last bit first
    try {
      em.fit(new MixtureMultivariateNormalDistribution(start.weights(), means, covs), steps - 1, Double.MIN_VALUE);
    } catch (ConvergenceException expected) {
      // the fitted model is kept
    }
    return em.getFittedModel();
  }

  private static double commonsMeanLogLikelihood(MixtureMultivariateNormalDistribution m, double[][] data) {
    double s = 0;
    for (double[] x : data) {
      s += Math.log(m.density(x));
    }
    return s / data.length;
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 4})
  void sameStartSameMixtureSameLikelihood(int d) {
    WeightedPoints points = Synthetic.sample(truth(d), N, 11);
    double[][] data = new double[N][d];
    for (int i = 0; i < N; i++) {
      System.arraycopy(points.coords(), i * d, data[i], 0, d);
    }
    Mixture start = start(d);
    for (int steps : new int[] {2, 5, 40}) {
      ExpectationPass pass = new ExpectationPass(points, null, 3);
      Em.Fit ours = Em.run(pass, start, Covariance.FULL, 0, 0, steps, null, "full");
      assertThat(ours.iterations()).isEqualTo(steps);
      MixtureMultivariateNormalDistribution theirs = commons(data, start, steps);

      double theirLogLikelihood = commonsMeanLogLikelihood(theirs, data);
      assertThat(ours.logLikelihood()).as("after %d steps", steps)
          .isCloseTo(theirLogLikelihood, within(1e-6 * Math.abs(theirLogLikelihood)));
      for (int j = 0; j < 3; j++) {
        Pair<Double, MultivariateNormalDistribution> c = theirs.getComponents().get(j);
        assertThat(ours.model().weight(j)).isCloseTo(c.getFirst(), within(1e-9));
        double[] mu = ours.model().mean(j);
        double[] cov = ours.model().covariance(j);
        for (int a = 0; a < d; a++) {
          assertThat(mu[a]).isCloseTo(c.getSecond().getMeans()[a], within(1e-7));
          for (int b = 0; b < d; b++) {
            assertThat(cov[a * d + b]).isCloseTo(c.getSecond().getCovariances().getEntry(a, b), within(1e-6));
          }
        }
      }
    }
  }
}

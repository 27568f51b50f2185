package dev.squish.quantize.gmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import dev.squish.cluster.WeightedPoints;
import dev.squish.quantize.Covariance;
import dev.squish.quantize.FitReport;
import dev.squish.quantize.kmeans.KMeans;
import dev.squish.quantize.kmeans.KMeansFit;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmTest {
  private static final double REG = GmmConfig.DEFAULT_REG_COVAR;

  private static Em.Fit fit(WeightedPoints points, int k, Covariance type, double tolerance, int maxIterations,
      long seed) {
    return fit(points, k, type, REG, tolerance, maxIterations, seed);
  }

  private static Em.Fit fit(WeightedPoints points, int k, Covariance type, double reg, double tolerance,
      int maxIterations, long seed) {
    KMeansFit km = KMeans.fit(points, k, 100, 1e-6, seed);
    ExpectationPass pass = new ExpectationPass(points, null, k);
    Mixture start = Em.fromLabels(pass, km.centers(), km.labels(), 0, type, reg);
    return Em.run(pass, start, type, reg, tolerance, maxIterations, null, "full");
  }

  /**
   * 30,000 draws from three components with 6,000 to 15,000 draws each: the standard error of a
   * mean is below 0.15, of a covariance entry below 2% of the largest entry, of a weight 0.003. The
   * tolerances are four to five standard errors.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void recoversTheParametersOfAKnownMixture(long seed) {
    Mixture truth = Synthetic.threeColours();
    Em.Fit fit = fit(Synthetic.sample(truth, 30_000, seed), 3, Covariance.FULL, 1e-9, 1000, seed);
    assertThat(fit.converged()).isTrue();
    Mixture m = fit.model();
    for (int t = 0; t < 3; t++) {
      int j = Synthetic.nearestMean(m, truth.mean(t));
      assertThat(m.weight(j)).as("weight %d", t).isCloseTo(truth.weight(t), within(0.015));
      double[] mu = m.mean(j);
      double[] expected = truth.mean(t);
      for (int c = 0; c < 3; c++) {
        assertThat(mu[c]).as("mean %d[%d]", t, c).isCloseTo(expected[c], within(0.6));
      }
      double[] cov = m.covariance(j);
      double[] trueCov = truth.covariance(t);
      double scale = 0;
      for (double v : trueCov) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (int e = 0; e < 9; e++) {
        assertThat(cov[e]).as("covariance %d[%d]", t, e).isCloseTo(trueCov[e], within(0.08 * scale));
      }
    }
  }

  /**
   * EM never lowers the likelihood (Dempster, Laird and Rubin 1977): checked without
   * regularization, as scikit-learn's {@code test_monotonic_likelihood} does, to within rounding
   * (1e-13 of the value; summing 5,000 log densities of about -11 rounds at 1e-15 per point).
   */
  @ParameterizedTest
  @CsvSource({"FULL, 1", "FULL, 2", "DIAG, 1", "DIAG, 2", "SPHERICAL, 1", "SPHERICAL, 2"})
  void logLikelihoodNeverDecreases(Covariance type, long seed) {
    WeightedPoints points = Synthetic.sample(Synthetic.threeColours(), 5_000, seed);
    double[] h = checkedHistory(fit(points, 5, type, 0, 0, 200, seed));
    for (int i = 1; i < h.length; i++) {
      assertThat(h[i]).as("iteration %d of %s", i, type).isGreaterThanOrEqualTo(h[i - 1] - 1e-13 * Math.abs(h[i - 1]));
    }
  }

  /**
   * With regCovar the M-step no longer maximizes the likelihood exactly (scikit-learn's neither):
   * near the fixed point the likelihood can dip by a few 1e-11. Checked: never by more than 1e-9
   * of the value, and the fit still gains overall.
   */
  @ParameterizedTest
  @CsvSource({"FULL, 1", "DIAG, 1", "SPHERICAL, 1"})
  void regularizedLogLikelihoodDecreasesAtMostNegligibly(Covariance type, long seed) {
    WeightedPoints points = Synthetic.sample(Synthetic.threeColours(), 5_000, seed);
    double[] h = checkedHistory(fit(points, 5, type, REG, 0, 200, seed));
    for (int i = 1; i < h.length; i++) {
      assertThat(h[i]).as("iteration %d of %s", i, type).isGreaterThanOrEqualTo(h[i - 1] - 1e-9 * Math.abs(h[i - 1]));
    }
  }

  private static double[] checkedHistory(Em.Fit fit) {
    double[] h = fit.history();
    assertThat(h).hasSize(201);
    assertThat(fit.collapses()).isEmpty();
    assertThat(h[h.length - 1]).isGreaterThan(h[0]);
    return h;
  }

  /** The collapse policy: a component left with less than a pixel is moved to the worst-explained point. */
  @Test
  void componentLeftWithoutPixelsIsReseededOnTheWorstExplainedPoint() {
    Mixture truth = Synthetic.threeColours();
    WeightedPoints points = Synthetic.sample(truth, 3_000, 7);
    double[] means = new double[9];
    System.arraycopy(truth.means(), 0, means, 0, 6);
    Arrays.fill(means, 6, 9, 1000); // far from every point: it gets no responsibility at all
    double[] cov = new double[27];
    for (int j = 0; j < 3; j++) {
      for (int c = 0; c < 3; c++) {
        cov[j * 9 + c * 4] = 400;
      }
    }
    Mixture start = Mixture.of(Covariance.FULL, 3, new double[] {0.45, 0.45, 0.1}, means, cov);
    Em.Fit fit = Em.run(new ExpectationPass(points, null, 3), start, Covariance.FULL, REG, 1e-9, 500, null,
        "full");

    assertThat(fit.collapses()).hasSize(1);
    FitReport.Em.Collapse c = fit.collapses().get(0);
    assertThat(c.iteration()).isEqualTo(1);
    assertThat(c.component()).isEqualTo(2);
    assertThat(c.pixels()).isLessThan(1);
    assertThat(c.reseeded()).isTrue();
    assertThat(fit.converged()).isTrue();
    // the worst-explained points were the unmodelled third cluster's, which the re-seeded component now holds
    assertThat(Synthetic.nearestMean(fit.model(), truth.mean(2))).isEqualTo(2);
    assertThat(fit.model().weight(2)).isCloseTo(truth.weight(2), within(0.03));
    for (double v : fit.history()) {
      assertThat(Double.isFinite(v)).isTrue();
    }
  }

  /** When every point is explained alike there is nowhere to re-seed: the component is dropped. */
  @Test
  void componentWithNowhereToGoIsDropped() {
    WeightedPoints points = new WeightedPoints(new double[] {10, 20, 30, 200, 100, 50}, new double[] {50, 50}, 3);
    double[] means = {10, 20, 30, 200, 100, 50, 1000, 1000, 1000};
    double[] cov = new double[27];
    for (int j = 0; j < 3; j++) {
      for (int c = 0; c < 3; c++) {
        cov[j * 9 + c * 4] = 1;
      }
    }
    Mixture start = Mixture.of(Covariance.FULL, 3, new double[] {0.45, 0.45, 0.1}, means, cov);
    Em.Fit fit = Em.run(new ExpectationPass(points, null, 3), start, Covariance.FULL, REG, 1e-9, 100, null,
        "full");

    assertThat(fit.collapses()).extracting(FitReport.Em.Collapse::component, FitReport.Em.Collapse::reseeded)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, false));
    assertThat(fit.converged()).isTrue();
    assertThat(fit.model().weights()).containsExactly(new double[] {0.5, 0.5, 0}, within(1e-12));
    // two spikes of variance regCovar, half the weight each
    assertThat(fit.logLikelihood())
        .isCloseTo(Math.log(0.5) - 1.5 * Math.log(2 * Math.PI * REG), within(1e-9));
  }

}

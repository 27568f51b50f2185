package dev.squish.plot;

import dev.squish.quantize.FitReport;
import dev.squish.quantize.gmm.GaussianMixture;
import dev.squish.quantize.gmm.GmmReport;
import dev.squish.quantize.kmeans.KMeansReport;
import java.util.ArrayList;
import java.util.List;

/**
 * What the plots and the page show of a fit, read from its {@link FitReport}: the figure that
 * the fit improved iteration by iteration, and the mixture's components when there are any.
 * The one place that knows the report type of each method.
 */
public final class FitFigures {
  private FitFigures() {}

  /**
   * The convergence of a fit.
   *
   * @param measure what was improved, e.g. "mean squared error per pixel"
   * @param values the measure after each iteration (may be empty: an exact palette needs none)
   * @param higherIsBetter true for a likelihood, false for an error
   * @param first the iteration of {@code values[0]}: 0 when the history starts with the starting point
   */
  public record Convergence(String measure, double[] values, boolean higherIsBetter, int first) {
    public Convergence {
      values = values.clone();
    }

    @Override
    public double[] values() {
      return values.clone();
    }
  }

  /** The iteration history of {@code report}. */
  public static Convergence convergence(FitReport report) {
    if (report instanceof KMeansReport k) {
      return new Convergence("squared error per pixel", k.objectiveHistory(), false, 1);
    }
    if (report instanceof GmmReport g) {
      // the history starts with the k-means start and adds one value per iteration
      return new Convergence("mean log-likelihood per pixel", g.logLikelihoodHistory(), true, 0);
    }
    return new Convergence(report.method(), new double[0], false, 1);
  }

  /**
   * The Gaussian components of {@code report} (empty for methods without a mixture), in the
   * three colour coordinates: a mixture fitted with alpha as a fourth coordinate gives its colour
   * block.
   */
  public static List<Component> components(FitReport report) {
    if (!(report instanceof GmmReport g)) {
      return List.of();
    }
    GaussianMixture m = g.mixture();
    int d = m.dimensions();
    List<Component> out = new ArrayList<>();
    for (int j = 0; j < m.components(); j++) {
      double[] mean = m.mean(j);
      double[] cov = m.covariance(j);
      double[] c3 = new double[9];
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 3; c++) {
          c3[r * 3 + c] = cov[r * d + c];
        }
      }
      out.add(new Component(m.weight(j), new double[] {mean[0], mean[1], mean[2]}, c3));
    }
    return out;
  }
}

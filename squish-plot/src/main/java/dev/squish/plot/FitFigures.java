package dev.squish.plot;

import dev.squish.quantize.FitReport;
import dev.squish.quantize.kmeans.KMeansReport;
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
   */
  public record Convergence(String measure, double[] values, boolean higherIsBetter) {
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
      return new Convergence("squared error per pixel", k.objectiveHistory(),
          false);
    }
    return new Convergence(report.method(), new double[0], false);
  }

  /** The Gaussian components of {@code report} (empty for methods without a mixture). */
  public static List<Component> components(FitReport report) {
    return List.of();
  }
}

package dev.squish.quantize;

/**
 * What a fit improved, iteration by iteration ({@link FitReport#convergence()}).
 *
 * @param measure what was improved, e.g. "squared error per pixel"
 * @param values the measure after each iteration (empty when the palette was exact)
 * @param higherIsBetter true for a likelihood, false for an error
 * @param first the iteration of {@code values[0]}: 0 when the history starts with the starting point
 */
public record Convergence(String measure, double[] values, boolean higherIsBetter, int first) {
  /**
   * Copies the values.
   *
   * @param measure what was improved
   * @param values the measure after each iteration
   * @param higherIsBetter true for a likelihood
   * @param first the iteration of {@code values[0]}
   */
  public Convergence {
    values = values.clone();
  }

  /** {@return a copy of the values} */
  @Override
  public double[] values() {
    return values.clone();
  }
}

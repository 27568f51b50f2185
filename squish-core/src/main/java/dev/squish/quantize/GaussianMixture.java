package dev.squish.quantize;

import java.util.Arrays;
import java.util.Objects;

/**
 * A fitted mixture of Gaussians in a working colour space, as {@link FitReport.Em} reports it:
 * each component's weight, mean and covariance matrix, in the units of the space (0..255 per
 * channel for sRGB). Immutable; the accessors return copies.
 */
public final class GaussianMixture {
  private final Covariance covarianceType;
  private final int dimensions;
  private final double[] weights;
  private final double[] means;
  private final double[] covariances;

  /**
   * @param covarianceType the shape the covariances were restricted to
   * @param dimensions coordinates per point: 3, or 4 for premultiplied RGBA
   * @param weights {@code k} weights summing to 1
   * @param means {@code k * dimensions} coordinates, component after component
   * @param covariances {@code k} row-major {@code dimensions × dimensions} matrices
   */
  public GaussianMixture(Covariance covarianceType, int dimensions, double[] weights, double[] means,
      double[] covariances) {
    this.covarianceType = Objects.requireNonNull(covarianceType, "covarianceType");
    int k = weights.length;
    if (dimensions < 1 || k < 1 || means.length != k * dimensions
        || covariances.length != k * dimensions * dimensions) {
      throw new IllegalArgumentException("need " + k + " means of " + dimensions + " and " + k + " matrices of "
          + dimensions + "x" + dimensions + ", got " + means.length + " and " + covariances.length + " values");
    }
    this.dimensions = dimensions;
    this.weights = weights.clone();
    this.means = means.clone();
    this.covariances = covariances.clone();
  }

  /** {@return number of components} */
  public int components() {
    return weights.length;
  }

  /** {@return coordinates per point} */
  public int dimensions() {
    return dimensions;
  }

  /** {@return the shape the covariances were restricted to} */
  public Covariance covarianceType() {
    return covarianceType;
  }

  /**
   * {@return the weight (mixing proportion) of component {@code j}}
   *
   * @param j the component
   */
  public double weight(int j) {
    return weights[j];
  }

  /**
   * {@return a copy of the mean of component {@code j}}
   *
   * @param j the component
   */
  public double[] mean(int j) {
    return Arrays.copyOfRange(means, j * dimensions, (j + 1) * dimensions);
  }

  /**
   * {@return a copy of the covariance of component {@code j}, row-major {@code dimensions × dimensions}}
   *
   * @param j the component
   */
  public double[] covariance(int j) {
    return Arrays.copyOfRange(covariances, j * dimensions * dimensions, (j + 1) * dimensions * dimensions);
  }

  /**
   * {@return the free parameters of the model}: {@code k - 1} weights, {@code k * D} means and the
   * covariances' own ({@link Covariance#parametersPerComponent}). What BIC counts.
   */
  public int parameterCount() {
    int k = weights.length;
    return k - 1 + k * dimensions + k * covarianceType.parametersPerComponent(dimensions);
  }
}

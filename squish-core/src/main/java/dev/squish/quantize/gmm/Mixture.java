package dev.squish.quantize.gmm;

import dev.squish.quantize.Covariance;
import dev.squish.quantize.GaussianMixture;
import java.util.Arrays;
import java.util.Objects;

/**
 * A mixture of Gaussians in a working colour space: weights, means and covariance matrices, with
 * the Cholesky factors of the covariances computed once. Immutable and thread-safe.
 *
 * <p>The density of component {@code j} at {@code x} is evaluated in log space as
 * {@code log w_j - D/2 log(2 pi) - sum_t log L_tt - |L^-1 (x - mu_j)|^2 / 2}, where
 * {@code Sigma_j = L L^T}; the mixture's log density adds the components with log-sum-exp, so no
 * density underflows however far a colour is from every mean.
 */
public final class Mixture {
  private static final double LOG_2PI = Math.log(2 * Math.PI);

  private final Covariance type;
  private final int k;
  private final int dim;
  private final double[] weights;
  private final double[] means;
  private final double[] covariances;
  /** Packed lower triangle of {@code L_j^-1} for each component, {@code packedSize(dim)} values each. */
  private final double[] precision;
  /** {@code log w_j - D/2 log(2 pi) - log det(L_j)}; minus infinity for a component of weight 0. */
  private final double[] logConstants;
  /**
   * The same numbers column by column for the E-step's loop over components: {@code packedSize(dim)}
   * columns of the precision factor {@code P = L^-1}, {@code dim} columns of {@code b = P mu}, one
   * of log constants, each {@code k} long, so that {@code P (x - mu) = P x - b}. Separate short
   * columns, few per loop, are what lets the JIT vectorize that loop.
   */
  private final double[][] columns;

  private Mixture(Covariance type, int dim, double[] weights, double[] means, double[] covariances,
      double[] lower) {
    this.type = type;
    this.k = weights.length;
    this.dim = dim;
    this.weights = weights;
    this.means = means;
    this.covariances = covariances;
    int tri = Cholesky.packedSize(dim);
    precision = new double[k * tri];
    logConstants = new double[k];
    for (int j = 0; j < k; j++) {
      Cholesky.invertLower(lower, j * tri, dim, precision, j * tri);
      logConstants[j] = Math.log(weights[j]) - 0.5 * dim * LOG_2PI - Cholesky.logDiagonalSum(lower, j * tri, dim);
    }
    columns = new double[tri + dim + 1][k];
    for (int j = 0; j < k; j++) {
      for (int t = 0; t < tri; t++) {
        columns[t][j] = precision[j * tri + t];
      }
      int row = j * tri;
      for (int r = 0; r < dim; r++) {
        double b = 0;
        for (int c = 0; c <= r; c++) {
          b += precision[row + c] * means[j * dim + c];
        }
        columns[tri + r][j] = b;
        row += r + 1;
      }
      columns[tri + dim][j] = logConstants[j];
    }
  }

  /**
   * A mixture from its parameters (all copied).
   *
   * @param type the shape the covariances have (checked: off-diagonal zero for {@code DIAG}, equal diagonal as well for
   *     {@code SPHERICAL})
   * @param dimensions coordinates per point, at least 1
   * @param weights {@code k} positive weights summing to 1 (within 1e-9)
   * @param means {@code k * dimensions} coordinates, component after component
   * @param covariances {@code k} symmetric positive definite row-major {@code dimensions × dimensions} matrices
   */
  public static Mixture of(Covariance type, int dimensions, double[] weights, double[] means,
      double[] covariances) {
    Objects.requireNonNull(type, "type");
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be >= 1, got " + dimensions);
    }
    int k = weights.length;
    if (k < 1 || means.length != k * dimensions || covariances.length != k * dimensions * dimensions) {
      throw new IllegalArgumentException("need " + k + " means of " + dimensions + " and " + k + " matrices of "
          + dimensions + "x" + dimensions + ", got " + means.length + " and " + covariances.length + " values");
    }
    double sum = 0;
    for (int j = 0; j < k; j++) {
      if (!(weights[j] > 0) || Double.isInfinite(weights[j])) {
        throw new IllegalArgumentException("weight " + j + " must be a finite number > 0, got " + weights[j]);
      }
      sum += weights[j];
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException("weights must sum to 1, got " + sum);
    }
    for (double m : means) {
      if (!Double.isFinite(m)) {
        throw new IllegalArgumentException("means must be finite, got " + m);
      }
    }
    double[] lower = new double[k * Cholesky.packedSize(dimensions)];
    for (int j = 0; j < k; j++) {
      checkShape(type, covariances, j * dimensions * dimensions, dimensions, j);
      if (!Cholesky.factor(covariances, j * dimensions * dimensions, dimensions, lower,
          j * Cholesky.packedSize(dimensions))) {
        throw new IllegalArgumentException("covariance " + j + " is not positive definite");
      }
    }
    return new Mixture(type, dimensions, weights.clone(), means.clone(), covariances.clone(), lower);
  }

  /**
   * A mixture whose covariances were already factored ({@code lower}, packed, one triangle per
   * component); weights may be 0 (a dropped component that takes part in nothing). Arrays are
   * adopted, not copied.
   */
  static Mixture adopt(Covariance type, int dim, double[] weights, double[] means, double[] covariances,
      double[] lower) {
    return new Mixture(type, dim, weights, means, covariances, lower);
  }

  private static void checkShape(Covariance type, double[] c, int off, int d, int j) {
    for (int r = 0; r < d; r++) {
      for (int s = 0; s < d; s++) {
        double v = c[off + r * d + s];
        if (!Double.isFinite(v) || v != c[off + s * d + r]) {
          throw new IllegalArgumentException("covariance " + j + " must be finite and symmetric");
        }
        if (r != s && type != Covariance.FULL && v != 0) {
          throw new IllegalArgumentException("covariance " + j + " must be diagonal for type " + type.id());
        }
      }
      if (type == Covariance.SPHERICAL && c[off + r * d + r] != c[off]) {
        throw new IllegalArgumentException("covariance " + j
            + " must be a multiple of the identity for type spherical");
      }
    }
  }

  /** The mixture a report carries, made ready to evaluate again. */
  public static Mixture of(GaussianMixture value) {
    int k = value.components();
    int d = value.dimensions();
    double[] w = new double[k];
    double[] mu = new double[k * d];
    double[] cov = new double[k * d * d];
    for (int j = 0; j < k; j++) {
      w[j] = value.weight(j);
      System.arraycopy(value.mean(j), 0, mu, j * d, d);
      System.arraycopy(value.covariance(j), 0, cov, j * d * d, d * d);
    }
    return of(value.covarianceType(), d, w, mu, cov);
  }

  /** This mixture as the value a report carries. */
  public GaussianMixture toValue() {
    return new GaussianMixture(type, dim, weights, means, covariances);
  }

  /** Number of components. */
  public int components() {
    return k;
  }

  /** Coordinates per point. */
  public int dimensions() {
    return dim;
  }

  public Covariance covarianceType() {
    return type;
  }

  /** Weight (mixing proportion) of component {@code j}. */
  public double weight(int j) {
    return weights[j];
  }

  /** A copy of the weights. */
  public double[] weights() {
    return weights.clone();
  }

  /** A copy of the mean of component {@code j}. */
  public double[] mean(int j) {
    return Arrays.copyOfRange(means, j * dim, (j + 1) * dim);
  }

  /** A copy of all means, {@code means[j * dimensions + c]}. */
  public double[] means() {
    return means.clone();
  }

  /** A copy of the covariance of component {@code j}, row-major {@code dimensions × dimensions}. */
  public double[] covariance(int j) {
    return Arrays.copyOfRange(covariances, j * dim * dim, (j + 1) * dim * dim);
  }

  /** A copy of all covariances, one row-major matrix after another. */
  public double[] covariances() {
    return covariances.clone();
  }

  /**
   * Free parameters of the model: {@code k - 1} weights, {@code k * D} means and the covariances'
   * own ({@link Covariance#parametersPerComponent}). What BIC counts.
   */
  public int parameterCount() {
    return k - 1 + k * dim + k * type.parametersPerComponent(dim);
  }

  /**
   * Log of the weighted density of component {@code j} at {@code x[offset..]}: {@code log(w_j N(x | mu_j, Sigma_j))}.
   */
  public double componentLogDensity(int j, double[] x, int offset) {
    int tri = Cholesky.packedSize(dim);
    return logConstants[j] - 0.5 * mahalanobis2(x, offset, means, j * dim, precision, j * tri, dim);
  }

  /** Log of the mixture density at {@code x[offset..]} (log-sum-exp over the components). */
  public double logDensity(double[] x, int offset) {
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (int j = 0; j < k; j++) {
      double v = componentLogDensity(j, x, offset);
      if (v > max) {
        // rescale the running sum to the new maximum, so no term ever overflows or underflows to 0 unnoticed
        sum = sum * Math.exp(max - v) + 1;
        max = v;
      } else {
        sum += Math.exp(v - max);
      }
    }
    return max + Math.log(sum);
  }

  /**
   * Mean log-likelihood per unit of weight of {@code points} (per pixel, for a histogram's
   * points): {@code sum_i w_i log p(x_i) / sum_i w_i}. One E-step pass, on all cores; the
   * components that are negligible for a point (below {@code 2^-53} of its density) are skipped.
   */
  public double meanLogLikelihood(dev.squish.cluster.WeightedPoints points) {
    if (points.dimensions() != dim) {
      throw new IllegalArgumentException("points have " + points.dimensions() + " dimensions, the mixture " + dim);
    }
    return new ExpectationPass(points, null, k).run(this, false) / points.totalWeight();
  }

  /** The component with the largest posterior probability at {@code x[offset..]} (ties: the lower index). */
  public int mostProbableComponent(double[] x, int offset) {
    int best = 0;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      double v = componentLogDensity(j, x, offset);
      if (v > bestValue) {
        bestValue = v;
        best = j;
      }
    }
    return best;
  }

  double[] rawMeans() {
    return means;
  }

  double[] rawCovariances() {
    return covariances;
  }

  double[] rawWeights() {
    return weights;
  }

  double[] rawPrecision() {
    return precision;
  }

  double[] rawLogConstants() {
    return logConstants;
  }

  /** See {@link #columns}; shared, not copied. */
  double[][] rawColumns() {
    return columns;
  }

  /**
   * {@code |P (x - mu)|^2} for the packed lower-triangular {@code P = L^-1}: the squared Mahalanobis
   * distance. Written out for three dimensions, the hot case.
   */
  static double mahalanobis2(double[] x, int xo, double[] mu, int mo, double[] p, int po, int d) {
    if (d == 3) {
      double d0 = x[xo] - mu[mo];
      double d1 = x[xo + 1] - mu[mo + 1];
      double d2 = x[xo + 2] - mu[mo + 2];
      double y0 = p[po] * d0;
      double y1 = p[po + 1] * d0 + p[po + 2] * d1;
      double y2 = p[po + 3] * d0 + p[po + 4] * d1 + p[po + 5] * d2;
      return y0 * y0 + y1 * y1 + y2 * y2;
    }
    double q = 0;
    int row = po;
    for (int r = 0; r < d; r++) {
      double y = 0;
      for (int c = 0; c <= r; c++) {
        y += p[row + c] * (x[xo + c] - mu[mo + c]);
      }
      q += y * y;
      row += r + 1;
    }
    return q;
  }
}

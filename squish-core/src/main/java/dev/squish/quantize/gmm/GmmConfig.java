package dev.squish.quantize.gmm;

import dev.squish.quantize.Assignment;
import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.Covariance;
import dev.squish.quantize.Method;
import dev.squish.quantize.Speed;
import java.util.Objects;

/**
 * Settings of {@link GmmQuantizer}.
 *
 * @param components number of Gaussian components, which is the palette size k
 * @param covariance shape of the covariance matrices
 * @param regCovar added to the diagonal of every covariance matrix, in squared working-space units (0..255 scale);
 *     keeps the matrices invertible when a component sits on colours that span fewer dimensions than the space (a
 *     grey image, a single colour). Must be &gt; 0. The default is scikit-learn's default 1e-6 on the 0..1 scale,
 *     {@code 1e-6 * 255^2}
 * @param tolerance EM stops when the mean log-likelihood per pixel changes by less than this between two iterations
 *     (scikit-learn's {@code tol}, whose value it shares: the change does not depend on the scale of the data)
 * @param maxIterations cap on EM iterations over the full histogram, at least 1
 * @param coarseIterations cap on EM iterations on the pooled histogram before the full one (see {@link GmmQuantizer});
 *     0 fits on the full histogram only
 * @param seed seed of every random choice (the k-means seeding)
 * @param space the colour space the mixture is fitted in
 * @param assignment how colours are mapped to palette entries
 * @param speed the effort of the k-means fit EM starts from
 */
public record GmmConfig(int components, Covariance covariance, double regCovar, double tolerance,
    int maxIterations, int coarseIterations, long seed, ColorSpace space, Assignment assignment, Speed speed) {
  /** scikit-learn's default {@code reg_covar}, 1e-6 on the 0..1 scale, expressed on the 0..255 scale. */
  public static final double DEFAULT_REG_COVAR = 1e-6 * 255 * 255;
  /** Default convergence tolerance on the mean log-likelihood per pixel (scikit-learn's default). */
  public static final double DEFAULT_TOLERANCE = 1e-3;
  /** Default cap on EM iterations over the full histogram (scikit-learn's default). */
  public static final int DEFAULT_MAX_ITERATIONS = 100;
  /**
   * Default cap on EM iterations over the pooled histogram: 0, EM runs on every colour from the
   * k-means start. Pooling first saves time but, with the same tolerance, stops at a lower
   * likelihood (measured in {@code GmmQuantizer}'s notes).
   */
  public static final int DEFAULT_COARSE_ITERATIONS = 0;

  public GmmConfig {
    Method.checkK("components", components);
    Objects.requireNonNull(covariance, "covariance");
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(assignment, "assignment");
    Objects.requireNonNull(speed, "speed");
    if (!(regCovar > 0) || Double.isInfinite(regCovar)) { // written so that NaN is rejected too
      throw new IllegalArgumentException("regCovar must be a finite number > 0, got " + regCovar);
    }
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("tolerance must be a finite number >= 0, got " + tolerance);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
    }
    if (coarseIterations < 0) {
      throw new IllegalArgumentException("coarseIterations must be >= 0, got " + coarseIterations);
    }
  }

  /** The defaults for {@code components} components of the given shape and mapping, at {@code speed}. */
  public static GmmConfig of(int components, Covariance covariance, Assignment assignment, long seed,
      ColorSpace space, Speed speed) {
    return new GmmConfig(components, covariance, DEFAULT_REG_COVAR, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS,
        DEFAULT_COARSE_ITERATIONS, seed, space, assignment, speed);
  }

  /** These settings for another number of components (what a model selection varies). */
  public GmmConfig withComponents(int newComponents) {
    return new GmmConfig(newComponents, covariance, regCovar, tolerance, maxIterations, coarseIterations, seed, space,
        assignment, speed);
  }
}

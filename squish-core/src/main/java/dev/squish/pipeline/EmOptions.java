package dev.squish.pipeline;

import dev.squish.quantize.gmm.Assignment;
import dev.squish.quantize.gmm.CovarianceType;
import java.util.Objects;

/**
 * What {@link Method#EM} does beyond k and the seed.
 *
 * @param covariance shape of the components' covariances
 * @param assignment how colours are mapped to palette entries
 * @param autoK choose k by BIC among {@code minK..maxK} instead of using {@link CompressionOptions#colors()}
 * @param minK smallest k tried with {@code autoK}, 1..maxK
 * @param maxK largest k tried with {@code autoK}, minK..256
 */
public record EmOptions(CovarianceType covariance, Assignment assignment, boolean autoK, int minK, int maxK) {
  /** Default smallest k of {@code --k auto}. */
  public static final int DEFAULT_MIN_K = 2;
  /** Default largest k of {@code --k auto}. */
  public static final int DEFAULT_MAX_K = 256;

  public EmOptions {
    Objects.requireNonNull(covariance, "covariance");
    Objects.requireNonNull(assignment, "assignment");
    if (minK < 1 || maxK > 256 || minK > maxK) {
      throw new IllegalArgumentException("the k range must satisfy 1 <= minK <= maxK <= 256, got " + minK + "-" + maxK);
    }
  }

  /** Full covariances, nearest-colour mapping, fixed k. */
  public static EmOptions defaults() {
    return new EmOptions(CovarianceType.FULL, Assignment.NEAREST, false, DEFAULT_MIN_K, DEFAULT_MAX_K);
  }

  public EmOptions withCovariance(CovarianceType newCovariance) {
    return new EmOptions(newCovariance, assignment, autoK, minK, maxK);
  }

  public EmOptions withAssignment(Assignment newAssignment) {
    return new EmOptions(covariance, newAssignment, autoK, minK, maxK);
  }

  /** Choose k by BIC among {@code newMinK..newMaxK}. */
  public EmOptions withAutoK(int newMinK, int newMaxK) {
    return new EmOptions(covariance, assignment, true, newMinK, newMaxK);
  }
}

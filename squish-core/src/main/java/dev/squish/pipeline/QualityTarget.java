package dev.squish.pipeline;

/**
 * A quality the output must reach, used to choose k.
 *
 * @param measure what is measured
 * @param minimum for PSNR: the least acceptable dB (below it nothing is written); for ΔE: unused (0)
 * @param target for PSNR: the dB to reach with as few colours as possible; for ΔE: the largest acceptable mean ΔE00
 */
public record QualityTarget(Measure measure, double minimum, double target) {

  /** The measures a target can be set on. */
  public enum Measure {
    /** PSNR in dB, higher is better. */
    PSNR,
    /** Mean CIEDE2000 per pixel, lower is better. */
    DELTA_E
  }

  public QualityTarget {
    java.util.Objects.requireNonNull(measure, "measure");
    if (measure == Measure.PSNR) {
      if (!(minimum >= 0) || !(target >= minimum) || Double.isInfinite(target)) {
        throw new IllegalArgumentException("PSNR range must be 0 <= min <= max, got " + minimum + "-" + target);
      }
    } else if (!(target > 0) || Double.isInfinite(target)) {
      throw new IllegalArgumentException("max mean deltaE must be > 0, got " + target);
    }
  }

  /** PSNR between {@code min} and {@code max} dB: the fewest colours reaching {@code max}, never below {@code min}. */
  public static QualityTarget psnr(double min, double max) {
    return new QualityTarget(Measure.PSNR, min, max);
  }

  /** Mean ΔE00 at most {@code max}. */
  public static QualityTarget deltaE(double max) {
    return new QualityTarget(Measure.DELTA_E, 0, max);
  }

  /** True when {@code value} (of this target's measure) reaches the target. */
  public boolean reachedBy(double value) {
    return measure == Measure.PSNR ? value >= target : value <= target;
  }

  /** True when {@code value} is at least acceptable: PSNR at or above the minimum, ΔE at or below the target. */
  public boolean acceptable(double value) {
    return measure == Measure.PSNR ? value >= minimum : value <= target;
  }
}

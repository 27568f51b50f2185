package dev.squish.compress;

import java.util.List;
import java.util.Objects;

/**
 * A quality the output must reach, used to choose k.
 *
 * @param measure what is measured
 * @param minimum for PSNR: the least acceptable dB (below it nothing is written); for ΔE: unused (0)
 * @param target for PSNR: the dB to reach with as few colours as possible; for ΔE: the largest acceptable mean ΔE00
 */
public record QualityTarget(Measure measure, double minimum, double target) {
  /** Highest PSNR a target may ask for, in dB. */
  public static final double MAX_PSNR = 100;
  /** Highest mean ΔE00 a target may allow. */
  public static final double MAX_DELTA_E = 100;

  /**
   * One k tried by a search.
   *
   * @param k palette size tried
   * @param quality PSNR in dB or mean ΔE00, as the target measures
   */
  public record Probe(int k, double quality) {}

  /**
   * What a search for the smallest k meeting a target found ({@link PreparedImage#search}).
   *
   * @param chosen the output for the chosen k (the smallest that reaches the target, or the largest allowed when none
   *     does); present even when the target was missed
   * @param met whether the chosen output is acceptable (reaches the target, or for PSNR at least the minimum)
   * @param probes every k tried, in order
   */
  public record Result(Compressed chosen, boolean met, List<Probe> probes) {
    /**
     * Copies the probes.
     *
     * @param chosen the output for the chosen k
     * @param met whether it is acceptable
     * @param probes every k tried
     */
    public Result {
      probes = List.copyOf(probes);
    }

    /** {@return the chosen k: {@code chosen().k()}} */
    public int k() {
      return chosen.k();
    }

    /** {@return the chosen output's value of the target's measure} */
    public double reached() {
      for (Probe p : probes) {
        if (p.k() == k()) {
          return p.quality();
        }
      }
      throw new IllegalStateException("the chosen k " + k() + " was never probed");
    }
  }

  /** The measures a target can be set on. */
  public enum Measure {
    /** PSNR in dB, higher is better. */
    PSNR,
    /** Mean CIEDE2000 per pixel, lower is better. */
    DELTA_E
  }

  /**
   * Checks the range.
   *
   * @param measure what is measured
   * @param minimum for PSNR, 0 to {@code target}
   * @param target for PSNR, up to {@link #MAX_PSNR}; for ΔE, above 0 and at most {@link #MAX_DELTA_E}
   */
  public QualityTarget {
    Objects.requireNonNull(measure, "measure");
    if (measure == Measure.PSNR) {
      if (!(minimum >= 0) || !(target >= minimum) || !(target <= MAX_PSNR)) {
        throw new IllegalArgumentException("PSNR range must be 0 <= min <= max <= " + (int) MAX_PSNR + ", got "
            + minimum + "-" + target);
      }
    } else if (!(target > 0) || !(target <= MAX_DELTA_E)) {
      throw new IllegalArgumentException("max mean deltaE must be above 0 and at most " + (int) MAX_DELTA_E
          + ", got " + target);
    }
  }

  /**
   * {@return a PSNR target}: the fewest colours reaching {@code max} dB, never below {@code min}.
   *
   * @param min least acceptable PSNR, dB
   * @param max PSNR to reach, dB
   */
  public static QualityTarget psnr(double min, double max) {
    return new QualityTarget(Measure.PSNR, min, max);
  }

  /**
   * {@return a target of mean ΔE00 at most {@code max}}
   *
   * @param max largest acceptable mean ΔE00
   */
  public static QualityTarget deltaE(double max) {
    return new QualityTarget(Measure.DELTA_E, 0, max);
  }

  /**
   * {@return true when {@code value} reaches the target}
   *
   * @param value of this target's measure
   */
  public boolean reachedBy(double value) {
    return measure == Measure.PSNR ? value >= target : value <= target;
  }

  /**
   * {@return true when {@code value} is at least acceptable}: PSNR at or above the minimum, ΔE at or
   * below the target.
   *
   * @param value of this target's measure
   */
  public boolean acceptable(double value) {
    return measure == Measure.PSNR ? value >= minimum : value <= target;
  }
}

package dev.squish.cli;

import dev.squish.compress.QualityTarget;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The value of {@code --quality}: a PSNR range in dB, in the forms pngquant users know. */
final class QualityRange {
  /** The highest PSNR a range may name; an open range ("35-") aims this high, which only a lossless palette reaches. */
  static final double CEILING_DB = QualityTarget.MAX_PSNR;

  private static final Pattern RANGE = Pattern.compile("(\\d+(?:\\.\\d+)?)?(-)?(\\d+(?:\\.\\d+)?)?");

  private QualityRange() {}

  /**
   * Parses "MIN-MAX", "N" (= N-N), "-MAX" (no minimum) or "MIN-" (no maximum: as good as the
   * largest k allows, and at least MIN); empty when the text is none of these or out of 0..100.
   */
  static Optional<QualityTarget> parse(String text) {
    Matcher m = RANGE.matcher(text.strip());
    if (!m.matches() || (m.group(1) == null && m.group(3) == null)) {
      return Optional.empty();
    }
    boolean dash = m.group(2) != null;
    double min;
    double max;
    if (!dash) {
      min = Double.parseDouble(m.group(1));
      max = min;
    } else {
      min = m.group(1) == null ? 0 : Double.parseDouble(m.group(1));
      max = m.group(3) == null ? CEILING_DB : Double.parseDouble(m.group(3));
    }
    if (min > max || max > CEILING_DB) {
      return Optional.empty();
    }
    return Optional.of(QualityTarget.psnr(min, max));
  }
}

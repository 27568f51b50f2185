package dev.squish.cli;

import dev.squish.compress.QualityTarget;
import dev.squish.quantize.KSearch;
import java.math.BigDecimal;
import java.util.Locale;

/** The one line printed for people after each file. */
final class ResultLine {
  private ResultLine() {}

  /** The line of a written file. */
  static String of(FileResult.Written r) {
    boolean animated = r.source().frames() > 1;
    String psnr = !r.quality().lossless() ? String.format(Locale.ROOT, "PSNR %.2f dB", r.quality().psnr())
        + (animated ? " over all frames" : "") : r.lossless() ? "lossless" : "lossless " + r.source().inexactness();
    String perceptual = r.quality().hasPerceptual() ? String.format(Locale.ROOT, ", SSIM %.4f, deltaE00 %.3f",
        r.quality().ssim(), r.quality().deltaE2000()) : "";
    return String.format(Locale.ROOT, "%s -> %s: %d B -> %d B, ratio %.2f, %.3f bpp, %s, %s%s%s%s%s, %.2f s",
        r.input(), r.output(), r.inputBytes(), r.outputBytes(), r.ratio(), r.bitsPerPixel(),
        (animated ? r.source().frames() + " frames, " : "") + colours(r.colors()), psnr,
        perceptual, r.quality().channels().equals("RGBA") ? " (RGBA)" : "", chosen(r), profile(r.source()),
        r.seconds());
  }

  /** ", from Adobe RGB (1998)" for a converted input, ", Adobe RGB (1998) kept" when kept; empty for sRGB. */
  private static String profile(FileResult.Source s) {
    return switch (s.handling()) {
      case "converted" -> ", from " + s.profile();
      case "kept" -> ", " + s.profile() + " kept";
      default -> "";
    };
  }

  /** "1 colour", "64 colours". */
  static String colours(int n) {
    return n == 1 ? "1 colour" : n + " colours";
  }

  /** The line of a skipped file. */
  static String of(FileResult.Skipped r) {
    return r.input() + ": skipped: " + r.reason();
  }

  /**
   * How k was chosen, when it was not given: ", k = 37 chosen for PSNR 35-40 dB (reached 38.12 dB) in 5 tries"
   * after a quality search, ", k = 24 chosen by BIC over 2-256 (BIC 1623307.5) in 15 tries" when the method
   * searched; empty otherwise.
   */
  private static String chosen(FileResult.Written r) {
    if (r.search() != null) {
      return searched(r.search());
    }
    return r.fit().kChoice().map(ResultLine::chosenBy).orElse("");
  }

  private static String chosenBy(KSearch.Choice c) {
    String criterion = c.search().criterion().label();
    return String.format(Locale.ROOT, ", k = %d chosen by %s over %s (%s %.1f) in %d tries", c.k(), criterion,
        c.search().range(), criterion, c.value(), c.trials().size());
  }

  private static String searched(FileResult.Search s) {
    String reached = s.target().measure() == QualityTarget.Measure.PSNR
        ? String.format(Locale.ROOT, "%.2f dB", s.quality()) : String.format(Locale.ROOT, "%.3f", s.quality());
    return String.format(Locale.ROOT, ", k = %d chosen for %s (reached %s) in %d tries", s.k(), target(s.target()),
        reached, s.probes().size());
  }

  /** The target as the user gave it: "PSNR 35-40 dB" or "mean deltaE00 <= 2". */
  static String target(QualityTarget t) {
    return t.measure() == QualityTarget.Measure.PSNR
        ? "PSNR " + number(t.minimum()) + "-" + number(t.target()) + " dB"
        : "mean deltaE00 <= " + number(t.target());
  }

  /** A number as people write it: no trailing zeros ("38", "2.5"). */
  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
        : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}

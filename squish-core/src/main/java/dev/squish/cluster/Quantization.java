package dev.squish.cluster;

import dev.squish.histogram.ColorHistogram;
import dev.squish.image.Palette;
import dev.squish.quantize.FitReport;
import java.util.Objects;

/**
 * The result of quantizing a histogram: the palette, the palette entry chosen for each distinct
 * colour of the histogram, and the report of the fit. Immutable.
 */
public final class Quantization {
  private final Palette palette;
  private final int[] assignment;
  private final FitReport report;

  /**
   * @param palette the palette
   * @param assignment for histogram colour {@code i}, the index of its palette entry (copied)
   * @param report how the fit went
   */
  public Quantization(Palette palette, int[] assignment, FitReport report) {
    this.palette = Objects.requireNonNull(palette, "palette");
    this.report = Objects.requireNonNull(report, "report");
    this.assignment = assignment.clone();
    for (int i = 0; i < this.assignment.length; i++) {
      int a = this.assignment[i];
      if (a < 0 || a >= palette.size()) {
        throw new IllegalArgumentException("assignment[" + i + "] = " + a + " is outside the palette of "
            + palette.size());
      }
    }
  }

  public Palette palette() {
    return palette;
  }

  public FitReport report() {
    return report;
  }

  /** Number of histogram colours assigned. */
  public int assignedColors() {
    return assignment.length;
  }

  /** Palette index of histogram colour {@code histogramIndex}. */
  public int paletteIndexOf(int histogramIndex) {
    return assignment[histogramIndex];
  }

  /** Pixels mapped to each palette entry, given the histogram this quantization was made from. */
  public long[] pixelsPerEntry(ColorHistogram histogram) {
    if (histogram.size() != assignment.length) {
      throw new IllegalArgumentException(
          "histogram has " + histogram.size() + " colours, this quantization assigns " + assignment.length);
    }
    long[] n = new long[palette.size()];
    for (int i = 0; i < assignment.length; i++) {
      n[assignment[i]] += histogram.count(i);
    }
    return n;
  }
}

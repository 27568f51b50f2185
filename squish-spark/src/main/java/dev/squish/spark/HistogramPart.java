package dev.squish.spark;

import dev.squish.histogram.ColorHistogram;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * A colour histogram as it travels between executors and the driver: the summed histograms of some images
 * (a partition, then the merge of several), exact unless it had to be coarsened to stay under a bound on the
 * number of colours, which is what bounds the driver's memory. Immutable once made.
 */
final class HistogramPart implements Serializable {
  private static final long serialVersionUID = 1L;
  /** 12 bytes a colour (an int and a long): what a part costs in memory and on the wire. */
  static final int BYTES_PER_COLOR = 12;

  private final int[] colors;
  private final long[] counts;
  private final long[] hidden;
  /** Images summed here. */
  final long images;
  /** Low bits dropped from each of R, G and B (0: exact). */
  final int droppedBits;

  private HistogramPart(int[] colors, long[] counts, long[] hidden, long images, int droppedBits) {
    this.colors = colors;
    this.counts = counts;
    this.hidden = hidden;
    this.images = images;
    this.droppedBits = droppedBits;
  }

  /** No image yet: the zero of the aggregation. */
  static HistogramPart empty() {
    return new HistogramPart(new int[0], new long[0], new long[3], 0, 0);
  }

  /** {@return the histograms of {@code images} images, already summed} */
  static HistogramPart of(ColorHistogram sum, long images) {
    return new HistogramPart(sum.colors(), sum.counts(), sum.hiddenSums(), images, 0);
  }

  int size() {
    return colors.length;
  }

  /** {@return the histogram itself}; only for a part with at least one image */
  ColorHistogram histogram() {
    return ColorHistogram.of(colors, counts, hidden);
  }

  /**
   * {@return the two added up}, exactly when both are exact and the sum has at most {@code maxColors}
   * colours; else coarsened until it fits (see {@link #coarsened}).
   */
  static HistogramPart merge(HistogramPart a, HistogramPart b, int maxColors) {
    if (a.images == 0) {
      return b.within(maxColors);
    }
    if (b.images == 0) {
      return a.within(maxColors);
    }
    int bits = Math.max(a.droppedBits, b.droppedBits);
    HistogramPart x = a.coarsened(bits);
    HistogramPart y = b.coarsened(bits);
    ColorHistogram sum = ColorHistogram.sum(List.of(x.histogram(), y.histogram()));
    return new HistogramPart(sum.colors(), sum.counts(), sum.hiddenSums(), a.images + b.images, bits)
        .within(maxColors);
  }

  /** {@return this part, coarsened by one more bit at a time until it has at most {@code maxColors} colours} */
  HistogramPart within(int maxColors) {
    HistogramPart p = this;
    while (p.size() > maxColors && p.droppedBits < 8) {
      p = p.coarsened(p.droppedBits + 1);
    }
    return p;
  }

  /**
   * {@return this part with the low {@code bits} bits of R, G and B replaced by the middle of their range},
   * the colours that then coincide added up; alpha is kept, so transparency stays what it was
   */
  HistogramPart coarsened(int bits) {
    if (bits <= droppedBits) {
      return this;
    }
    int low = (1 << bits) - 1;
    int half = 1 << (bits - 1);
    int keep = 0xFF & ~low;
    long[] entries = new long[colors.length];
    for (int i = 0; i < colors.length; i++) {
      int c = colors[i];
      int a = c >>> 24;
      int mapped = a == 0 ? c : (a << 24) | (((c >> 16 & keep) | half) << 16) | (((c >> 8 & keep) | half) << 8)
          | ((c & keep) | half);
      entries[i] = ((long) mapped << 32) | i;
    }
    Arrays.sort(entries);
    int[] outColors = new int[colors.length];
    long[] outCounts = new long[colors.length];
    int n = 0;
    for (long e : entries) {
      int color = (int) (e >> 32);
      long count = counts[(int) e];
      if (n > 0 && outColors[n - 1] == color) {
        outCounts[n - 1] += count;
      } else {
        outColors[n] = color;
        outCounts[n++] = count;
      }
    }
    return new HistogramPart(Arrays.copyOf(outColors, n), Arrays.copyOf(outCounts, n), hidden, images, bits);
  }
}

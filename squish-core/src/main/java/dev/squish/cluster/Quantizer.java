package dev.squish.cluster;

import dev.squish.histogram.ColorHistogram;

/** Finds a palette for a histogram and assigns each of its colours to an entry. */
public interface Quantizer {

  /**
   * Quantizes {@code histogram}. The palette has at most as many entries as the quantizer was
   * configured for; when the histogram has no more distinct colours than that, the palette is
   * exactly those colours.
   */
  Quantization quantize(ColorHistogram histogram);
}

package dev.squish.quantize.kmeans;

import dev.squish.cluster.Quantization;
import dev.squish.cluster.Quantizer;
import dev.squish.cluster.RoundedPalette;
import dev.squish.histogram.ColorHistogram;
import java.util.Objects;

/**
 * Colour quantization by weighted k-means on the histogram.
 *
 * <ol>
 *   <li>When the image has no more distinct colours than k, the palette is those colours: lossless.
 *   <li>Otherwise the colours are pooled into a coarse grid of a few thousand cells; greedy
 *       k-means++ seeds k centres on the cells and Lloyd iterations converge there
 *       ({@code restarts} times, the lowest error kept).
 *   <li>Lloyd iterations then run on every distinct colour, weighted by its pixel count, until
 *       the objective drops by less than {@code tolerance} of itself or the cap is hit; an empty
 *       cluster is moved to the colour that contributes most error.
 *   <li>The centres are rounded to 8-bit colours and every colour is assigned again to its nearest
 *       rounded entry ({@link RoundedPalette}).
 * </ol>
 *
 * <p>Minimizing squared error in sRGB is minimizing MSE, hence maximizing PSNR. Thread-safe;
 * uses all cores; deterministic for a given seed. For several fits of one histogram (different
 * k) use a {@link KMeansSession}.
 */
public final class KMeansQuantizer implements Quantizer {
  private final KMeansConfig config;

  public KMeansQuantizer(KMeansConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public KMeansConfig config() {
    return config;
  }

  @Override
  public Quantization quantize(ColorHistogram histogram) {
    return new KMeansSession(histogram, config.space()).quantize(config, null);
  }
}

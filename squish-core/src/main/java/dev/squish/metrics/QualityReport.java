package dev.squish.metrics;

/**
 * Error of a quantized image against its original.
 *
 * @param mse mean squared error per channel, 8-bit units (0..65025)
 * @param psnr peak signal-to-noise ratio in dB, {@code 10 log10(255^2 / mse)}; infinite when lossless
 * @param channels what was measured: {@code "RGB"}, or {@code "RGBA"} (raw straight alpha, four channels) for images
 *     whose alpha is used
 */
public record QualityReport(double mse, double psnr, String channels) {

  /** True when the output has exactly the original's pixels. */
  public boolean lossless() {
    return mse == 0;
  }
}

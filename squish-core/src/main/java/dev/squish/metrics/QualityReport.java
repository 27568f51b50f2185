package dev.squish.metrics;

/**
 * Error of a quantized image against its original.
 *
 * @param mse mean squared error per channel, 8-bit units (0..65025)
 * @param psnr peak signal-to-noise ratio in dB, {@code 10 log10(255^2 / mse)}; infinite when lossless
 * @param channels what was measured: {@code "RGB"}, or {@code "RGBA"} (raw straight alpha, four channels) for images
 *     whose alpha is used
 * @param ssim mean SSIM on luminance (see {@link Ssim}), or NaN when not measured
 * @param deltaE2000 mean CIEDE2000 per visible pixel (see {@link DeltaE2000}), or NaN when not measured
 */
public record QualityReport(double mse, double psnr, String channels, double ssim, double deltaE2000) {

  /** MSE and PSNR only; the perceptual measures are left unmeasured (NaN). */
  public QualityReport(double mse, double psnr, String channels) {
    this(mse, psnr, channels, Double.NaN, Double.NaN);
  }

  /** This report with SSIM and mean ΔE00 added. */
  public QualityReport withPerceptual(double newSsim, double newDeltaE) {
    return new QualityReport(mse, psnr, channels, newSsim, newDeltaE);
  }

  /** True when SSIM and ΔE00 were measured. */
  public boolean hasPerceptual() {
    return !Double.isNaN(ssim) && !Double.isNaN(deltaE2000);
  }

  /** True when the output has exactly the original's pixels. */
  public boolean lossless() {
    return mse == 0;
  }
}

package dev.squish.compress;

import dev.squish.metrics.ErrorMetrics;
import java.util.List;

/**
 * How close a compressed image is to its original, measured the way the benchmark harness does:
 * over R, G, B, or over the four straight channels R, G, B, A when the original uses alpha.
 *
 * @param mse mean squared error per channel, 8-bit units (0..65025)
 * @param psnr peak signal-to-noise ratio in dB, {@code 10 log10(255^2 / mse)}; infinite when lossless
 * @param channels what was measured: {@code "RGB"}, or {@code "RGBA"} for images whose alpha is used
 * @param ssim mean SSIM on luminance (Wang et al. 2004: 11×11 Gaussian window, σ = 1.5), or NaN when not measured
 * @param deltaE2000 mean CIEDE2000 colour difference per visible pixel, or NaN when not measured
 */
public record Quality(double mse, double psnr, String channels, double ssim, double deltaE2000) {

  /**
   * {@return the quality over several images of one size, such as the frames of an animation}:
   * the mean of their squared errors with the PSNR of that mean (not the mean of their PSNRs,
   * which an exact frame would make infinite), the mean SSIM and ΔE00 (NaN unless every image has
   * them), and {@code "RGBA"} when any image was measured with alpha.
   *
   * @param qualities one per image, at least one
   */
  public static Quality over(List<Quality> qualities) {
    if (qualities.isEmpty()) {
      throw new IllegalArgumentException("no qualities to combine");
    }
    double mse = 0;
    double ssim = 0;
    double deltaE = 0;
    boolean alpha = false;
    for (Quality q : qualities) {
      mse += q.mse();
      ssim += q.ssim();
      deltaE += q.deltaE2000();
      alpha |= q.channels().equals("RGBA");
    }
    int n = qualities.size();
    double m = mse / n;
    return new Quality(m, ErrorMetrics.psnr(m), alpha ? "RGBA" : "RGB", ssim / n, deltaE / n);
  }

  /** {@return true when SSIM and ΔE00 were measured} */
  public boolean hasPerceptual() {
    return !Double.isNaN(ssim) && !Double.isNaN(deltaE2000);
  }

  /** {@return true when the output has exactly the original's pixels} */
  public boolean lossless() {
    return mse == 0;
  }
}

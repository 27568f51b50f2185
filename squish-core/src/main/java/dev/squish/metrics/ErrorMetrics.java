package dev.squish.metrics;

import dev.squish.image.RgbaImage;
import dev.squish.mapping.IndexedImage;
import dev.squish.parallel.ParallelChunks;

/**
 * MSE and PSNR between an original and its quantized version, computed the way
 * {@code shared/bench/peers.py} does: over R, G, B, or over the four raw channels R, G, B, A
 * (straight, not premultiplied) when the original uses alpha.
 */
public final class ErrorMetrics {
  private static final int CHUNK = 1 << 16;

  private ErrorMetrics() {}

  /** Mean squared error, PSNR and the channels measured. */
  public static QualityReport compare(RgbaImage original, IndexedImage quantized) {
    if (original.width() != quantized.width() || original.height() != quantized.height()) {
      throw new IllegalArgumentException("sizes differ: " + original.width() + "x" + original.height() + " vs "
          + quantized.width() + "x" + quantized.height());
    }
    boolean alpha = original.usesAlpha();
    int n = original.pixelCount();
    long[] partial = new long[ParallelChunks.chunkCount(n, CHUNK)];
    ParallelChunks.forEach(n, CHUNK, (c, from, to) -> {
      long sse = 0;
      for (int i = from; i < to; i++) {
        int a = original.argb(i);
        int b = quantized.argb(i);
        sse += sq(((a >>> 16) & 0xFF) - ((b >>> 16) & 0xFF))
            + sq(((a >>> 8) & 0xFF) - ((b >>> 8) & 0xFF))
            + sq((a & 0xFF) - (b & 0xFF));
        if (alpha) {
          sse += sq((a >>> 24) - (b >>> 24));
        }
      }
      partial[c] = sse;
    });
    long total = 0;
    for (long p : partial) {
      total += p;
    }
    int channels = alpha ? 4 : 3;
    double mse = (double) total / ((double) n * channels);
    return new QualityReport(mse, psnr(mse), alpha ? "RGBA" : "RGB");
  }

  /** PSNR in dB of a mean squared error in 8-bit units; infinite for 0. */
  public static double psnr(double mse) {
    if (mse < 0 || Double.isNaN(mse)) {
      throw new IllegalArgumentException("mse must be >= 0, got " + mse);
    }
    return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
  }

  private static int sq(int v) {
    return v * v;
  }
}

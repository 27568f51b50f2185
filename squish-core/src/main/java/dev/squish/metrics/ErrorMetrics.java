package dev.squish.metrics;

import dev.squish.image.IndexedImage;
import dev.squish.image.RgbaImage;
import dev.squish.parallel.ParallelChunks;
import java.util.function.IntUnaryOperator;

/**
 * Mean squared error and PSNR between an original and another image of its size, computed the way
 * the benchmark harness does: over R, G, B, or over the four raw channels R, G, B, A (straight, not
 * premultiplied) when the original uses alpha.
 */
public final class ErrorMetrics {
  private static final int CHUNK = 1 << 16;

  private ErrorMetrics() {}

  /** Mean squared error per channel between {@code original} and the palette image {@code quantized}. */
  public static double mse(RgbaImage original, IndexedImage quantized) {
    checkSize(original, quantized.width(), quantized.height());
    return mse(original, quantized::argb);
  }

  /** Mean squared error per channel between {@code original} and {@code other}. */
  public static double mse(RgbaImage original, RgbaImage other) {
    checkSize(original, other.width(), other.height());
    return mse(original, other::argb);
  }

  private static double mse(RgbaImage original, IntUnaryOperator other) {
    boolean alpha = original.usesAlpha();
    int n = original.pixelCount();
    long[] partial = new long[ParallelChunks.chunkCount(n, CHUNK)];
    ParallelChunks.forEach(n, CHUNK, (c, from, to) -> {
      long sse = 0;
      for (int i = from; i < to; i++) {
        int a = original.argb(i);
        int b = other.applyAsInt(i);
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
    return (double) total / ((double) n * (alpha ? 4 : 3));
  }

  /** The channels measured for {@code original}: {@code "RGB"}, or {@code "RGBA"} when it uses alpha. */
  public static String channels(RgbaImage original) {
    return original.usesAlpha() ? "RGBA" : "RGB";
  }

  /** PSNR in dB of a mean squared error in 8-bit units; infinite for 0. */
  public static double psnr(double mse) {
    if (mse < 0 || Double.isNaN(mse)) {
      throw new IllegalArgumentException("mse must be >= 0, got " + mse);
    }
    return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
  }

  private static void checkSize(RgbaImage original, int w, int h) {
    if (original.width() != w || original.height() != h) {
      throw new IllegalArgumentException("sizes differ: " + original.width() + "x" + original.height() + " vs "
          + w + "x" + h);
    }
  }

  private static int sq(int v) {
    return v * v;
  }
}

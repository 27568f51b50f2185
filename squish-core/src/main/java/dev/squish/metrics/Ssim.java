package dev.squish.metrics;

import dev.squish.image.IndexedImage;
import dev.squish.image.RgbaImage;
import dev.squish.parallel.ParallelChunks;

/**
 * Mean structural similarity (Wang, Bovik, Sheikh and Simoncelli, "Image quality assessment:
 * from error visibility to structural similarity", IEEE TIP 13(4), 2004) on luminance, with the
 * paper's parameters: an 11×11 Gaussian window of σ = 1.5, K1 = 0.01, K2 = 0.03, L = 255, over
 * the positions where the window fits inside the image. Luminance is Rec. 601
 * {@code 0.299 R + 0.587 G + 0.114 B} of the colour premultiplied by alpha (as if composited on
 * black). Images smaller than 11 pixels on a side use a window cut to their size.
 */
public final class Ssim {
  private static final double SIGMA = 1.5;
  private static final int RADIUS = 5;
  private static final double C1 = Math.pow(0.01 * 255, 2);
  private static final double C2 = Math.pow(0.03 * 255, 2);
  private static final int ROWS_PER_CHUNK = 64;

  private Ssim() {}

  /** Mean SSIM between {@code original} and {@code quantized}. 1 means identical. */
  public static double mean(RgbaImage original, IndexedImage quantized) {
    int w = original.width();
    int h = original.height();
    float[] x = new float[w * h];
    float[] y = new float[w * h];
    ParallelChunks.forEach(w * h, 1 << 16, (c, from, to) -> {
      for (int i = from; i < to; i++) {
        x[i] = luma(original.argb(i));
        y[i] = luma(quantized.argb(i));
      }
    });
    return mean(x, y, w, h);
  }

  /** Mean SSIM of two luminance planes (values 0..255, row-major, {@code w×h}). */
  public static double mean(float[] x, float[] y, int w, int h) {
    int rx = Math.min(RADIUS, (w - 1) / 2);
    int ry = Math.min(RADIUS, (h - 1) / 2);
    double[] kx = kernel(rx);
    double[] ky = kernel(ry);
    int outW = w - 2 * rx;
    int outH = h - 2 * ry;
    double[] rowSums = new double[outH];
    // each chunk of output rows filters its own band of input rows horizontally, then vertically;
    // bands overlap by 2r rows, which costs a little recomputation but keeps memory per chunk
    // small and the planes in double precision (variances are differences of large sums)
    ParallelChunks.forEach(outH, ROWS_PER_CHUNK, (c, from, to) -> {
      int bandRows = to - from + 2 * ry;
      double[][] planes = new double[5][bandRows * outW];
      for (int br = 0; br < bandRows; br++) {
        int base = (from + br) * w;
        for (int ox = 0; ox < outW; ox++) {
          double mx = 0;
          double my = 0;
          double xx = 0;
          double yy = 0;
          double xy = 0;
          for (int t = -rx; t <= rx; t++) {
            double wgt = kx[t + rx];
            double a = x[base + ox + rx + t];
            double b = y[base + ox + rx + t];
            mx += wgt * a;
            my += wgt * b;
            xx += wgt * a * a;
            yy += wgt * b * b;
            xy += wgt * a * b;
          }
          int o = br * outW + ox;
          planes[0][o] = mx;
          planes[1][o] = my;
          planes[2][o] = xx;
          planes[3][o] = yy;
          planes[4][o] = xy;
        }
      }
      for (int oy = from; oy < to; oy++) {
        double sum = 0;
        for (int ox = 0; ox < outW; ox++) {
          double mx = 0;
          double my = 0;
          double xx = 0;
          double yy = 0;
          double xy = 0;
          for (int t = -ry; t <= ry; t++) {
            double wgt = ky[t + ry];
            int o = (oy - from + ry + t) * outW + ox;
            mx += wgt * planes[0][o];
            my += wgt * planes[1][o];
            xx += wgt * planes[2][o];
            yy += wgt * planes[3][o];
            xy += wgt * planes[4][o];
          }
          double vx = xx - mx * mx;
          double vy = yy - my * my;
          double cov = xy - mx * my;
          sum += ((2 * mx * my + C1) * (2 * cov + C2)) / ((mx * mx + my * my + C1) * (vx + vy + C2));
        }
        rowSums[oy] = sum;
      }
    });
    double total = 0;
    for (double sum : rowSums) {
      total += sum;
    }
    return total / ((double) outW * outH);
  }

  /** Normalized Gaussian weights of radius {@code r}. */
  private static double[] kernel(int r) {
    double[] k = new double[2 * r + 1];
    double s = 0;
    for (int i = -r; i <= r; i++) {
      k[i + r] = Math.exp(-(i * i) / (2 * SIGMA * SIGMA));
      s += k[i + r];
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= s;
    }
    return k;
  }

  static float luma(int argb) {
    double a = (argb >>> 24) / 255.0;
    return (float) (a * (0.299 * ((argb >>> 16) & 0xFF) + 0.587 * ((argb >>> 8) & 0xFF) + 0.114 * (argb & 0xFF)));
  }
}

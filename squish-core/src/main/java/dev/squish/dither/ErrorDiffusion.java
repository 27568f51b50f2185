package dev.squish.dither;

import dev.squish.color.ColorCoordinates;
import dev.squish.color.ColorSpace;
import dev.squish.image.RgbaImage;
import dev.squish.mapping.IndexedImage;
import dev.squish.parallel.ParallelChunks;
import dev.squish.quantize.NearestCenters;
import dev.squish.quantize.Palette;

/**
 * Floyd–Steinberg error diffusion (Floyd and Steinberg, 1976) onto a fixed palette, in sRGB
 * values (premultiplied RGBA when the image uses alpha).
 *
 * <ul>
 *   <li><b>Serpentine</b>: rows alternate direction, so the error does not drift to one side.
 *   <li><b>Clamped</b>: the error carried to a pixel is limited per channel to
 *       {@value #MAX_CARRIED_ERROR}, and the target colour to the 0..255 cube, so that colours the
 *       palette cannot reach do not pile up error that bursts out as streaks.
 *   <li><b>Modulated by local contrast</b> (a "dither map", as the best tools have): where the
 *       original is perfectly flat the carried error is scaled down, because there dithering only
 *       adds a pattern to an area the eye sees as one colour; at strong edges too, where diffused
 *       error makes specks and halos and the edge masks banding anyway. Smooth gradients, where
 *       banding shows, get the full error.
 *   <li><b>Parallel and deterministic</b>: the image is cut into bands of {@value #BAND_ROWS}
 *       rows, processed on all cores; each band first runs over the {@value #WARMUP_ROWS} rows
 *       above it without writing, so the error state at its top matches what a single pass
 *       would carry there and no seam shows. Cut points are fixed, so the output is identical on
 *       any number of cores.
 * </ul>
 */
public final class ErrorDiffusion {
  static final int MAX_CARRIED_ERROR = 128;
  static final int BAND_ROWS = 128;
  static final int WARMUP_ROWS = 8;
  /** Share of the error kept where the neighbourhood is perfectly flat. */
  static final float FLAT_WEIGHT = 0.4f;
  /** Luma difference to a neighbour above which a pixel counts as on an edge. */
  static final int EDGE_START = 48;
  /** Luma difference over which the weight falls from 1 to {@link #EDGE_WEIGHT}. */
  static final int EDGE_SPAN = 64;
  static final float EDGE_WEIGHT = 0.3f;

  private ErrorDiffusion() {}

  /** {@code image} mapped to {@code palette} with Floyd–Steinberg at {@code level} (0..1). */
  public static IndexedImage floydSteinberg(RgbaImage image, Palette palette, double level) {
    if (!(level >= 0 && level <= 1)) {
      throw new IllegalArgumentException("level must be in 0..1, got " + level);
    }
    boolean alpha = image.usesAlpha() || palette.hasAlpha();
    ColorCoordinates space = ColorSpace.SRGB.coordinates(alpha);
    int d = space.dimensions();
    int k = palette.size();
    double[] entries = new double[k * d];
    for (int j = 0; j < k; j++) {
      space.toPoint(palette.color(j), entries, j * d);
    }
    NearestCenters search = new NearestCenters(entries, k, d);
    int w = image.width();
    int h = image.height();
    byte[] out = new byte[w * h];
    ParallelChunks.forEach(h, BAND_ROWS, (band, from, to) -> {
      Band b = new Band(image, space, search, entries, (float) level, out);
      b.run(Math.max(0, from - WARMUP_ROWS), from, to);
    });
    return IndexedImage.adopt(w, h, palette, out);
  }

  /** The state of one band: two error rows and scratch space, reused for every pixel. */
  private static final class Band {
    private final RgbaImage image;
    private final ColorCoordinates space;
    private final NearestCenters search;
    private final double[] entries;
    private final float level;
    private final byte[] out;
    private final int w;
    private final int d;
    private float[] thisRow;
    private float[] nextRow;
    private final double[] target;
    private final double[] pixel;
    private final int[] rowAbove;
    private final int[] row;
    private final int[] rowBelow;

    Band(RgbaImage image, ColorCoordinates space, NearestCenters search, double[] entries, float level, byte[] out) {
      this.image = image;
      this.space = space;
      this.search = search;
      this.entries = entries;
      this.level = level;
      this.out = out;
      this.w = image.width();
      this.d = space.dimensions();
      // error rows with one pixel of margin on both sides, so the kernel needs no bounds checks
      this.thisRow = new float[(w + 2) * d];
      this.nextRow = new float[(w + 2) * d];
      this.target = new double[d];
      this.pixel = new double[d];
      this.rowAbove = new int[w];
      this.row = new int[w];
      this.rowBelow = new int[w];
    }

    void run(int start, int from, int to) {
      int guess = 0;
      for (int y = start; y < to; y++) {
        loadRows(y);
        boolean forward = (y & 1) == 0;
        boolean write = y >= from;
        for (int step = 0; step < w; step++) {
          int x = forward ? step : w - 1 - step;
          float weight = level * contrastWeight(x);
          space.toPoint(row[x], pixel, 0);
          int e = (x + 1) * d;
          for (int c = 0; c < d; c++) {
            float carried = Math.max(-MAX_CARRIED_ERROR, Math.min(MAX_CARRIED_ERROR, thisRow[e + c]));
            target[c] = Math.max(0, Math.min(255, pixel[c] + weight * carried));
          }
          guess = search.nearest(target, 0, guess);
          if (write) {
            out[y * w + x] = (byte) guess;
          }
          int dir = forward ? d : -d;
          for (int c = 0; c < d; c++) {
            float err = (float) (target[c] - entries[guess * d + c]);
            thisRow[e + dir + c] += err * (7f / 16);
            nextRow[e - dir + c] += err * (3f / 16);
            nextRow[e + c] += err * (5f / 16);
            nextRow[e + dir + c] += err * (1f / 16);
          }
        }
        float[] t = thisRow;
        thisRow = nextRow;
        nextRow = t;
        java.util.Arrays.fill(nextRow, 0);
      }
    }

    private void loadRows(int y) {
      int h = image.height();
      image.copyPixels(Math.max(0, y - 1) * w, rowAbove, w);
      image.copyPixels(y * w, row, w);
      image.copyPixels(Math.min(h - 1, y + 1) * w, rowBelow, w);
    }

    /** The dither map: 1 in gradients, less where the original is flat or on a strong edge. */
    private float contrastWeight(int x) {
      int centre = luma(row[x]);
      int most = Math.abs(luma(rowAbove[x]) - centre);
      most = Math.max(most, Math.abs(luma(rowBelow[x]) - centre));
      if (x > 0) {
        most = Math.max(most, Math.abs(luma(row[x - 1]) - centre));
      }
      if (x < w - 1) {
        most = Math.max(most, Math.abs(luma(row[x + 1]) - centre));
      }
      if (most == 0) {
        return FLAT_WEIGHT;
      }
      if (most <= EDGE_START) {
        return 1f;
      }
      return Math.max(EDGE_WEIGHT, 1f - (float) (most - EDGE_START) / EDGE_SPAN);
    }

    /** Rec. 601 luma of the premultiplied colour, 0..255, in integer arithmetic. */
    private static int luma(int argb) {
      int a = argb >>> 24;
      int y = (77 * ((argb >>> 16) & 0xFF) + 150 * ((argb >>> 8) & 0xFF) + 29 * (argb & 0xFF)) >> 8;
      return y * a / 255;
    }
  }
}

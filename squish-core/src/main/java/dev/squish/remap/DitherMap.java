package dev.squish.remap;

import dev.squish.image.IndexedImage;

/**
 * Where {@link ErrorDiffusion} diffuses error, and how much: the product of two factors per pixel,
 * so that dithering goes where banding would show and stays away from flat areas, texture and
 * edges (the "dither map" the best tools have).
 *
 * <ul>
 *   <li>{@link #contrast}: the local contrast of the original. Full in smooth gradients (largest
 *       luma step to a 4-neighbour at most {@value #GRADIENT_STEP}), falling to
 *       {@value #TEXTURE_WEIGHT} in texture, {@value #EDGE_WEIGHT} across strong edges (where
 *       diffused error makes specks and halos), and {@value #FLAT_WEIGHT} where the original is
 *       perfectly flat (dithering would only paint a pattern on one colour).
 *   <li>{@link #band}: how flat the plain (undithered) mapping is around the pixel: the share of
 *       its 8 neighbours that took the same palette entry, cubed, so the interior of a band gets
 *       the full error and pixels where the plain mapping already varies get little.
 * </ul>
 */
final class DitherMap {
  /** Share of the error kept where the original is perfectly flat. */
  static final float FLAT_WEIGHT = 0.4f;
  /** Largest luma step to a neighbour that still counts as a smooth gradient. */
  static final int GRADIENT_STEP = 2;
  /** Luma steps over which the weight falls from 1 to {@link #TEXTURE_WEIGHT}. */
  static final int TEXTURE_SPAN = 12;
  static final float TEXTURE_WEIGHT = 0.2f;
  /** Luma step to a neighbour above which a pixel counts as on an edge. */
  static final int EDGE_STEP = 40;
  static final float EDGE_WEIGHT = 0.1f;

  private DitherMap() {}

  /** The contrast factor at column {@code x} of {@code row}, given the rows above and below (clamped at the edges). */
  static float contrast(int[] rowAbove, int[] row, int[] rowBelow, int x) {
    int w = row.length;
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
    if (most > EDGE_STEP) {
      return EDGE_WEIGHT;
    }
    if (most <= GRADIENT_STEP) {
      return 1f;
    }
    return Math.max(TEXTURE_WEIGHT, 1f - (1f - TEXTURE_WEIGHT) * (most - GRADIENT_STEP) / TEXTURE_SPAN);
  }

  /**
   * The band factor at ({@code x}, {@code y}): the cubed share of the 8 neighbours whose plain
   * mapping is this pixel's. A pixel without neighbours (a 1×1 image) is a band of its own: 1.
   */
  static float band(IndexedImage plain, int x, int y) {
    int w = plain.width();
    int h = plain.height();
    int own = plain.index(y * w + x);
    int same = 0;
    int all = 0;
    for (int dy = -1; dy <= 1; dy++) {
      int yy = y + dy;
      if (yy < 0 || yy >= h) {
        continue;
      }
      for (int dx = -1; dx <= 1; dx++) {
        int xx = x + dx;
        if ((dx == 0 && dy == 0) || xx < 0 || xx >= w) {
          continue;
        }
        all++;
        if (plain.index(yy * w + xx) == own) {
          same++;
        }
      }
    }
    if (all == 0) {
      return 1f;
    }
    float share = (float) same / all;
    return share * share * share;
  }

  /** Rec. 601 luma of the premultiplied colour, 0..255, in integer arithmetic. */
  private static int luma(int argb) {
    int a = argb >>> 24;
    int y = (77 * ((argb >>> 16) & 0xFF) + 150 * ((argb >>> 8) & 0xFF) + 29 * (argb & 0xFF)) >> 8;
    return y * a / 255;
  }
}

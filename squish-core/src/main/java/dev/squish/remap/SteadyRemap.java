package dev.squish.remap;

import dev.squish.image.IndexedImage;
import dev.squish.image.RgbaImage;

/**
 * A nearest-colour remap steadied for LZW, for the frames of an animation on one palette: a pixel
 * keeps its entry of the frame before when that is within {@link #FLOOR} of its nearest entry (the
 * GIF writer then leaves it transparent, nearly free), else repeats its left neighbour's entry
 * when that is within a slack (longer runs of one index are what LZW codes cheaply). Never picks
 * an entry worse than its nearest by more than those bounds, in squared RGB distance.
 */
public final class SteadyRemap {
  private SteadyRemap() {}

  /**
   * How much worse than its nearest entry, in squared RGB distance (the three channels summed), a
   * pixel's entry may be and still be taken when it repeats the entry of the pixel to its left:
   * this many times the frame's own mean squared error. At 3 a photo's animation at 64 colours
   * loses about 1 dB of PSNR and 10 to 13 % of its bytes (README, "Animated GIFs"). Frames
   * already near exact keep at least {@link #FLOOR}.
   */
  public static final double STEADY = 3.0;

  /**
   * The slack, in squared RGB distance, of keeping a pixel's entry of the frame before, and the
   * least slack of a run: 1, one level in one channel, so near-exact animations stay near exact.
   */
  public static final double FLOOR = 1;

  /**
   * {@return the slack of a run for a frame whose nearest remap has mean squared error {@code mse}}
   * per channel: {@link #STEADY} times the error summed over the three channels, at least
   * {@link #FLOOR}.
   */
  public static double slack(double mse) {
    return Math.max(FLOOR, STEADY * 3 * mse);
  }

  /**
   * {@return {@code nearest} with each visible pixel given its entry of {@code previous} when that is
   * within {@link #FLOOR} of the entry it has, else the entry of the pixel to its left (as already
   * steadied) when that is within {@code slack}}. Fully transparent pixels of the original and
   * fully transparent entries are left alone.
   *
   * @param original the frame's pixels
   * @param nearest the frame remapped to the nearest entries, on the shared palette
   * @param previous the frame before, steadied, on the same palette; null for the first
   * @param slack the bound of a run, squared RGB distance (see {@link #slack})
   */
  public static IndexedImage steady(RgbaImage original, IndexedImage nearest, IndexedImage previous, double slack) {
    int[] pal = nearest.palette().colors();
    byte[] idx = nearest.copyIndices();
    int w = nearest.width();
    for (int i = 0; i < idx.length; i++) {
      int now = idx[i] & 0xff;
      int c = original.argb(i);
      if ((c >>> 24) == 0) {
        continue;
      }
      int best = distance(c, pal[now]);
      if (previous != null) {
        int before = previous.index(i);
        if (before != now && (pal[before] >>> 24) != 0 && distance(c, pal[before]) <= best + FLOOR) {
          idx[i] = (byte) before;
          continue;
        }
      }
      if (i % w > 0) {
        int left = idx[i - 1] & 0xff;
        if (left != now && (pal[left] >>> 24) != 0 && distance(c, pal[left]) <= best + slack) {
          idx[i] = (byte) left;
        }
      }
    }
    return IndexedImage.adopt(nearest.width(), nearest.height(), nearest.palette(), idx);
  }

  /** {@return the squared distance of two colours over R, G and B} */
  static int distance(int a, int b) {
    int dr = (a >>> 16 & 0xff) - (b >>> 16 & 0xff);
    int dg = (a >>> 8 & 0xff) - (b >>> 8 & 0xff);
    int db = (a & 0xff) - (b & 0xff);
    return dr * dr + dg * dg + db * db;
  }
}

package dev.squish.cli;

import dev.squish.compress.CompressOptions;
import dev.squish.compress.Compressed;
import dev.squish.compress.Dithering;
import dev.squish.compress.PaletteFit;
import dev.squish.compress.PreparedImage;
import dev.squish.compress.Quality;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.IndexedImage;
import dev.squish.io.gif.GifAnimation;
import dev.squish.io.gif.GifWriter;
import dev.squish.quantize.FitReport;
import dev.squish.quantize.Method;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Compresses an animated GIF into an animated GIF, streaming: the frames are composed one at a
 * time, twice (once to add up their colours, once to remap and write them), so that only a frame
 * or two is ever held. With one palette for all frames it is fitted once, to the sum of the
 * frames' histograms, and every frame is remapped to it; with {@code --frame-palettes} each frame
 * is fitted on its own. With one palette and no dithering, the remap is steadied for LZW: a pixel
 * keeps its entry of the frame before, or repeats its left neighbour's, when that is nearly as
 * close ({@link #FLOOR}, {@link #STEADY}); the quality measured is that of the frames written.
 * Quality is over all frames: the mean of their squared errors (and of SSIM
 * and ΔE00 when measured), with the PSNR of that mean.
 */
final class AnimationCompressor {
  private AnimationCompressor() {}

  /**
   * What came out.
   *
   * @param encoded the GIF's bytes
   * @param colors the palette entries of the largest palette used
   * @param k the palette size fitted
   * @param quality over all frames
   * @param fit how the (first) palette was found
   */
  record Result(byte[] encoded, int colors, int k, Quality quality, FitReport fit) {}

  static Result compress(GifAnimation animation, CompressOptions options, boolean framePalettes) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GifWriter writer = new GifWriter(bytes, animation.width(), animation.height(), animation.loopCount());
    Totals totals = new Totals(options.ssim() || options.deltaE());
    if (framePalettes) {
      totals.k = options.method().k();
      animation.forEach(frame -> {
        PreparedImage prepared = PreparedImage.of(frame.image());
        Compressed c = prepared.compress(options.toBuilder().method(reserving(options.method(),
            hasTransparency(prepared.histogram()))).build());
        totals.add(c.quality(), c, frame.image().usesAlpha());
        write(writer, c.image(), frame.delay());
      });
    } else {
      ColorHistogram[] sum = new ColorHistogram[1];
      animation.forEach(frame -> {
        ColorHistogram h = ColorHistogram.of(frame.image());
        sum[0] = sum[0] == null ? h : ColorHistogram.sum(List.of(sum[0], h));
      });
      Method method = reserving(options.method(), hasTransparency(sum[0]));
      PaletteFit fit = PaletteFit.of(sum[0], options.toBuilder().method(method).build());
      sum[0] = null;
      CompressOptions remap = options.toBuilder().method(Method.given(fit.palette())).build();
      totals.k = options.method() instanceof Method.EmAutoK ? fit.k() : options.method().k();
      totals.fit = fit.fit();
      boolean stabilize = options.dithering().kind() == Dithering.Kind.NONE; // dithering's noise has no runs
      IndexedImage[] previous = new IndexedImage[1];
      animation.forEach(frame -> {
        PreparedImage prepared = PreparedImage.of(frame.image());
        Compressed c = prepared.compress(remap);
        IndexedImage out = onto(c.image(), fit.palette());
        Quality q = c.quality();
        if (stabilize) {
          out = steady(frame.image(), out, previous[0], Math.max(FLOOR, STEADY * 3 * q.mse()));
          q = prepared.measure(out, options.ssim() || options.deltaE());
        }
        previous[0] = out;
        totals.add(q, c, frame.image().usesAlpha());
        write(writer, out, frame.delay());
      });
    }
    try {
      writer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(bytes.toByteArray(), totals.colors, totals.k, totals.quality(), totals.fit);
  }

  /**
   * The method with one entry fewer when the frames have no transparent pixel and k fills a GIF
   * colour table (a power of two): the writer then has a free index to make unchanged pixels
   * transparent, without doubling the table (and a bit more per LZW code).
   */
  static Method reserving(Method method, boolean transparent) {
    int k = method.k();
    if (transparent || k < 4 || Integer.bitCount(k) != 1 || method instanceof Method.Given
        || method instanceof Method.EmAutoK) {
      return method;
    }
    return method.withK(k - 1);
  }

  /**
   * How much worse than its nearest entry, in squared RGB distance (the three channels summed), a
   * pixel's entry may be and still be taken when it repeats the entry of the pixel to its left:
   * this many times the frame's own mean squared error. Longer runs of one index are what LZW codes
   * cheaply; at 3 a photo's animation at 64 colours loses about 1 dB of PSNR and 10 to 13 % of its
   * bytes (README, "Animated GIFs"). Frames already near exact keep at least {@link #FLOOR}.
   */
  static final double STEADY = 3.0;

  /**
   * The slack, in squared RGB distance, of keeping a pixel's entry of the frame before (which the
   * GIF writer then leaves transparent, nearly free), and the least slack of a run: 1, one level
   * in one channel, so near-exact animations stay near exact.
   */
  static final double FLOOR = 1;

  /**
   * {@code out} with each pixel given its entry of {@code previous} when that is within {@link #FLOOR} of its
   * nearest, else the entry of the pixel to its left when that is within {@code slack}.
   */
  static IndexedImage steady(dev.squish.image.RgbaImage original, IndexedImage out, IndexedImage previous,
      double slack) {
    int[] pal = out.palette().colors();
    byte[] idx = out.copyIndices();
    int w = out.width();
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
    return IndexedImage.adopt(out.width(), out.height(), out.palette(), idx);
  }

  /**
   * {@code image} with the indices of {@code shared}: a remap leaves out the entries a frame does
   * not use, but every frame must have the shared palette for the GIF to carry it once.
   */
  static IndexedImage onto(IndexedImage image, dev.squish.image.Palette shared) {
    if (image.palette().equals(shared)) {
      return image;
    }
    java.util.Map<Integer, Integer> where = new java.util.HashMap<>();
    for (int i = shared.size() - 1; i >= 0; i--) {
      where.put(shared.color(i), i);
    }
    int[] map = new int[image.palette().size()];
    for (int i = 0; i < map.length; i++) {
      Integer at = where.get(image.palette().color(i));
      if (at == null) {
        throw new IllegalStateException("a remapped frame has a colour the shared palette does not");
      }
      map[i] = at;
    }
    byte[] idx = image.copyIndices();
    for (int i = 0; i < idx.length; i++) {
      idx[i] = (byte) map[idx[i] & 0xff];
    }
    return IndexedImage.adopt(image.width(), image.height(), shared, idx);
  }

  private static int distance(int a, int b) {
    int dr = (a >>> 16 & 0xff) - (b >>> 16 & 0xff);
    int dg = (a >>> 8 & 0xff) - (b >>> 8 & 0xff);
    int db = (a & 0xff) - (b & 0xff);
    return dr * dr + dg * dg + db * db;
  }

  private static boolean hasTransparency(ColorHistogram h) {
    return h.indexOf(0) >= 0;
  }

  private static void write(GifWriter writer, IndexedImage frame, int delay) {
    try {
      writer.add(frame, delay);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
  }

  /** Running sums over the frames. */
  private static final class Totals {
    final boolean perceptual;
    int frames;
    double mse;
    double ssim;
    double deltaE;
    boolean alpha;
    int colors;
    int k;
    FitReport fit;

    Totals(boolean perceptual) {
      this.perceptual = perceptual;
    }

    void add(Quality q, Compressed c, boolean usesAlpha) {
      frames++;
      mse += q.mse();
      ssim += q.ssim();
      deltaE += q.deltaE2000();
      alpha |= usesAlpha;
      colors = Math.max(colors, c.image().palette().size());
      if (fit == null) {
        fit = c.fit();
      }
    }

    Quality quality() {
      double m = mse / frames;
      // PSNR as the core's measure defines it: 10 log10(255^2 / MSE), infinite when exact
      double psnr = m == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / m);
      return new Quality(m, psnr, alpha ? "RGBA" : "RGB", perceptual ? ssim / frames : Double.NaN,
          perceptual ? deltaE / frames : Double.NaN);
    }
  }
}

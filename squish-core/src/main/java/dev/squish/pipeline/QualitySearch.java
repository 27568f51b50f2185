package dev.squish.pipeline;

import dev.squish.histogram.ColorHistogram;
import dev.squish.image.RgbaImage;
import dev.squish.metrics.DeltaE2000;
import dev.squish.quantize.Palette;
import dev.squish.quantize.Quantization;
import dev.squish.quantize.kmeans.KMeansConfig;
import dev.squish.quantize.kmeans.KMeansSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the smallest k whose output meets a {@link QualityTarget}.
 *
 * <p>Quality grows with k, so the search doubles k (2, 4, 8, ...) until the target is reached,
 * then bisects between the last k that missed and the first that reached it. Work is reused
 * throughout: the histogram, its colours in the working space and its coarse grids are made once
 * ({@link KMeansSession}), and every fit starts from the palette of the largest k tried below it
 * that missed, adding centres by k-means++ instead of seeding from nothing. A search therefore
 * costs about two to three full fits, not the eight or so fits of its probes. The k-means
 * method only; quality is measured on the real output (after dithering, if any).
 */
public final class QualitySearch {
  private QualitySearch() {}

  /**
   * One k tried.
   *
   * @param k palette size asked for
   * @param quality PSNR in dB or mean ΔE00, as the target measures
   */
  public record Probe(int k, double quality) {}

  /**
   * The outcome.
   *
   * @param chosen the output for the chosen k (the smallest that reaches the target, or the largest allowed when none
   *     does); present even when the target was missed
   * @param k the chosen k
   * @param met whether the chosen output is acceptable (reaches the target, or for PSNR at least the minimum)
   * @param probes every k tried, in order
   */
  public record Result(Compressed chosen, int k, boolean met, List<Probe> probes) {}

  /**
   * Searches k in 1..{@code options.colors()} for {@code image}.
   *
   * @param options the method (k-means), space, dithering and seed; {@code colors} is the largest k allowed
   */
  public static Result search(RgbaImage image, CompressionOptions options, QualityTarget target) {
    Objects.requireNonNull(target, "target");
    if (options.method() != Method.KMEANS) {
      throw new IllegalArgumentException("the quality search runs k-means, not " + options.method().id());
    }
    ColorHistogram histogram = ColorHistogram.of(image);
    KMeansSession session = new KMeansSession(histogram, options.space());
    Search s = new Search(image, histogram, session, options, target);
    int maxK = options.colors();
    // exponential phase: 2, 4, 8, ... up to maxK
    int lo = 0;
    Attempt hi = null;
    for (int k = Math.min(2, maxK); ; k = Math.min(maxK, k * 2)) {
      Attempt a = s.attempt(k);
      if (target.reachedBy(a.quality)) {
        hi = a;
        break;
      }
      lo = k;
      if (k == maxK) {
        break;
      }
    }
    if (hi == null) {
      Attempt last = s.attemptAt(maxK);
      return new Result(last.compressed, maxK, target.acceptable(last.quality), s.probes);
    }
    // bisection between lo (missed, or 0) and hi (reached)
    while (hi.k - lo > 1) {
      int mid = (lo + hi.k) >>> 1;
      Attempt a = s.attempt(mid);
      if (target.reachedBy(a.quality)) {
        hi = a;
      } else {
        lo = mid;
      }
    }
    return new Result(hi.compressed, hi.k, true, s.probes);
  }

  /**
   * One k tried: its palette (to warm-start larger k) and quality; its whole output only while it
   * can still be the answer, since each holds a byte per pixel (13 of them for a 24-megapixel
   * photo would be 300 MB).
   */
  private static final class Attempt {
    final int k;
    final Palette palette;
    final double quality;
    Compressed compressed;

    Attempt(int k, Compressed compressed, double quality) {
      this.k = k;
      this.palette = compressed.quantization().palette();
      this.quality = quality;
      this.compressed = compressed;
    }
  }

  /** The state of one search: the probes so far and the palettes to warm-start from. */
  private static final class Search {
    private final RgbaImage image;
    private final ColorHistogram histogram;
    private final KMeansSession session;
    private final CompressionOptions options;
    private final QualityTarget target;
    private final List<Probe> probes = new ArrayList<>();
    private final List<Attempt> attempts = new ArrayList<>();

    Search(RgbaImage image, ColorHistogram histogram, KMeansSession session, CompressionOptions options,
        QualityTarget target) {
      this.image = image;
      this.histogram = histogram;
      this.session = session;
      this.options = options;
      this.target = target;
    }

    Attempt attemptAt(int k) {
      for (Attempt a : attempts) {
        if (a.k == k) {
          return a;
        }
      }
      return attempt(k);
    }

    Attempt attempt(int k) {
      KMeansConfig config = Compressor.kmeansConfig(options.withColors(k));
      Quantization q = session.quantize(config, warmStartFor(k));
      Compressed c = Compressor.finish(image, histogram, q, options.withColors(k));
      double quality;
      if (target.measure() == QualityTarget.Measure.PSNR) {
        quality = c.quality().psnr();
      } else {
        quality = DeltaE2000.mean(image, histogram, c.image());
      }
      Attempt a = new Attempt(k, c, quality);
      attempts.add(a);
      probes.add(new Probe(k, quality));
      releaseUnneeded();
      return a;
    }

    /** Keeps the output of the smallest k that reached the target, or of the largest k while none has. */
    private void releaseUnneeded() {
      Attempt best = null;
      for (Attempt a : attempts) {
        if (target.reachedBy(a.quality) && (best == null || a.k < best.k)) {
          best = a;
        }
      }
      for (Attempt a : attempts) {
        boolean needed = best != null ? a == best : a.k == options.colors();
        if (!needed) {
          a.compressed = null;
        }
      }
    }

    /** The palette of the largest k tried below {@code k}, or null. */
    private Palette warmStartFor(int k) {
      Attempt best = null;
      for (Attempt a : attempts) {
        if (a.k < k && (best == null || a.k > best.k)) {
          best = a;
        }
      }
      return best == null ? null : best.palette;
    }
  }
}

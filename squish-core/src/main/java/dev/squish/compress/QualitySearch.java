package dev.squish.compress;

import dev.squish.cluster.Quantization;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.Palette;
import dev.squish.image.RgbaImage;
import dev.squish.quantize.Method;
import dev.squish.quantize.kmeans.KMeansConfig;
import dev.squish.quantize.kmeans.KMeansSession;
import java.util.ArrayList;
import java.util.List;

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
final class QualitySearch {
  private final RgbaImage image;
  private final ColorHistogram histogram;
  private final KMeansSession session;
  private final CompressOptions options;
  private final QualityTarget target;
  private final List<QualityTarget.Probe> probes = new ArrayList<>();
  private final List<Attempt> attempts = new ArrayList<>();

  private QualitySearch(RgbaImage image, ColorHistogram histogram, KMeansSession session, CompressOptions options,
      QualityTarget target) {
    this.image = image;
    this.histogram = histogram;
    this.session = session;
    this.options = options;
    this.target = target;
  }

  /** Searches k in 1..{@code options.method().k()}; the method must be k-means. */
  static QualityTarget.Result search(RgbaImage image, ColorHistogram histogram, KMeansSession session,
      CompressOptions options, QualityTarget target) {
    if (!(options.method() instanceof Method.KMeans)) {
      throw new IllegalArgumentException("the quality search runs k-means, not " + options.method().id());
    }
    return new QualitySearch(image, histogram, session, options, target).run();
  }

  private QualityTarget.Result run() {
    int maxK = options.method().k();
    // no k below the pinned colours (kept ones, the transparent entry) can hold them
    int least = Math.max(1, session.pinnedColors(Quantizers.pins(options)).length);
    if (least > maxK) {
      session.exactPalette(Quantizers.pins(options), maxK); // throws, naming the counts
    }
    // exponential phase: 2, 4, 8, ... up to maxK
    int lo = least - 1;
    Attempt hi = null;
    for (int k = Math.min(Math.max(2, least), maxK); ; k = Math.min(maxK, k * 2)) {
      Attempt a = attempt(k);
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
      Attempt last = attemptAt(maxK);
      return result(last, target.acceptable(last.quality));
    }
    // bisection between lo (missed, or 0) and hi (reached)
    while (hi.k - lo > 1) {
      int mid = (lo + hi.k) >>> 1;
      Attempt a = attempt(mid);
      if (target.reachedBy(a.quality)) {
        hi = a;
      } else {
        lo = mid;
      }
    }
    return result(hi, true);
  }

  private QualityTarget.Result result(Attempt chosen, boolean met) {
    Compressed c = Pipeline.withMetrics(image, histogram, chosen.compressed, options.ssim(), options.deltaE());
    return new QualityTarget.Result(c, met, probes);
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

    Attempt(int k, Palette palette, Compressed compressed, double quality) {
      this.k = k;
      this.palette = palette;
      this.quality = quality;
      this.compressed = compressed;
    }
  }

  private Attempt attemptAt(int k) {
    for (Attempt a : attempts) {
      if (a.k == k) {
        return a;
      }
    }
    return attempt(k);
  }

  private Attempt attempt(int k) {
    KMeansConfig config = KMeansConfig.of(k, options.seed(), options.space(), options.speed());
    Quantization q = session.quantize(config, warmStartFor(k), Quantizers.pins(options));
    // perceptual measures only for the answer, except the one the target is about
    CompressOptions probe = options.toBuilder().method(Method.kMeans(k)).ssim(false)
        .deltaE(target.measure() == QualityTarget.Measure.DELTA_E).build();
    Compressed c = Pipeline.finish(image, session, q, probe, k, false);
    double quality = target.measure() == QualityTarget.Measure.PSNR ? c.quality().psnr()
        : c.quality().deltaE2000();
    Attempt a = new Attempt(k, q.palette(), c, quality);
    attempts.add(a);
    probes.add(new QualityTarget.Probe(k, quality));
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
      boolean needed = best != null ? a == best : a.k == options.method().k();
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

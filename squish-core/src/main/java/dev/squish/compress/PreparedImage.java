package dev.squish.compress;

import dev.squish.cluster.NearestCenters;
import dev.squish.cluster.Quantization;
import dev.squish.cluster.WeightedPoints;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.RgbaImage;
import dev.squish.metrics.ErrorMetrics;
import dev.squish.parallel.ParallelChunks;
import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.kmeans.KMeansSession;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An image prepared for compression: its colour histogram, and, made on first use and kept, its
 * colours in each working space with their coarse grids. Every compression of the image reuses
 * them, so trying another k, method or dithering repeats no work that does not depend on it.
 * Thread-safe; all work uses the fork-join pool of the calling thread (all cores by default) and
 * is deterministic for a given seed on any number of threads.
 *
 * <pre>{@code
 * PreparedImage prepared = PreparedImage.of(RgbaImage.of(width, height, argbPixels));
 * Compressed small = prepared.compress(CompressOptions.of(Method.kMeans(16)));
 * small.image();            // palette + indices, ready for an encoder
 * small.quality().psnr();   // dB against the original
 * Compressed quick = prepared.preview(CompressOptions.of(Method.kMeans(64)));   // sampled, fast
 * QualityTarget.Result r = prepared.search(CompressOptions.of(Method.kMeans(256)), QualityTarget.psnr(35, 40));
 * }</pre>
 */
public final class PreparedImage {
  /** Pixels drawn for the sample a {@link #preview} fits its palette to. */
  public static final int PREVIEW_DRAWS = 16_384;
  private static final long PREVIEW_SEED = 2;

  private final RgbaImage image;
  private final ColorHistogram histogram;
  private final Map<ColorSpace, KMeansSession> sessions = new ConcurrentHashMap<>();
  private volatile ColorHistogram previewSample;

  private PreparedImage(RgbaImage image, ColorHistogram histogram) {
    this.image = image;
    this.histogram = histogram;
  }

  /** {@code image} prepared: its histogram is counted now, on all cores. */
  public static PreparedImage of(RgbaImage image) {
    Objects.requireNonNull(image, "image");
    return new PreparedImage(image, ColorHistogram.of(image));
  }

  /** The original pixels. */
  public RgbaImage image() {
    return image;
  }

  /** The distinct colours of the image with their pixel counts. */
  public ColorHistogram histogram() {
    return histogram;
  }

  /** The exact result of {@code options}: what {@code squish} writes for them. */
  public Compressed compress(CompressOptions options) {
    Objects.requireNonNull(options, "options");
    Quantization q = Quantizers.quantize(session(options.space()), options, false);
    return Pipeline.finish(image, histogram, q, options, Quantizers.k(options, q), false);
  }

  /**
   * A quick approximation of {@link #compress}: the method fits its palette to a weighted sample
   * of {@value #PREVIEW_DRAWS} pixels (k-means with one seeding and no random swaps), then every
   * colour of the image takes its nearest palette entry in the working space; mapping, dithering
   * and measuring are the real ones on the real image. An image with few colours gets the exact
   * result, which is then as quick ({@link Compressed#preview()} tells which).
   */
  public Compressed preview(CompressOptions options) {
    Objects.requireNonNull(options, "options");
    ColorHistogram sample = previewSample();
    if (histogram.size() <= sample.size() * 2L) {
      return compress(options);
    }
    Quantization fitted = Quantizers.quantize(new KMeansSession(sample, options.space()), options, true);
    Quantization q = assignNearest(fitted, session(options.space()));
    return Pipeline.finish(image, histogram, q, options, Quantizers.k(options, fitted), true);
  }

  /**
   * The output for the smallest k up to {@code options.method().k()} whose quality reaches
   * {@code target}: k doubles until the target is reached, then bisects, each fit warm-started from
   * the palette of the largest k tried below it. The method must be k-means.
   */
  public QualityTarget.Result search(CompressOptions options, QualityTarget target) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(target, "target");
    return QualitySearch.search(image, histogram, session(options.space()), options, target);
  }

  /** MSE and PSNR of {@code other}, an image of the same size, against the original (as for squish's own output). */
  public Quality measure(RgbaImage other) {
    double mse = ErrorMetrics.mse(image, other);
    return new Quality(mse, ErrorMetrics.psnr(mse), ErrorMetrics.channels(image), Double.NaN, Double.NaN);
  }

  /**
   * Memory held, estimated from array sizes: the pixels, the histogram (colours, counts and its
   * hash table), the preview's sample and the working-space colours made so far.
   */
  public long estimatedBytes() {
    ColorHistogram sample = previewSample;
    long bytes = 4L * image.pixelCount() + 24L * histogram.size() + (sample == null ? 0 : 24L * sample.size());
    for (KMeansSession s : sessions.values()) {
      bytes += (long) s.points().size() * (8L * s.points().dimensions() + 8);
    }
    return bytes;
  }

  private KMeansSession session(ColorSpace space) {
    return sessions.computeIfAbsent(space, s -> new KMeansSession(histogram, s));
  }

  /**
   * The weighted sample of the pixels, plus the fully transparent ones in their share (the sample
   * leaves them out, having no colour to show, but the palette needs their entry).
   */
  private ColorHistogram previewSample() {
    ColorHistogram s = previewSample;
    if (s != null) {
      return s;
    }
    ColorHistogram drawn = histogram.sample(PREVIEW_DRAWS, PREVIEW_SEED);
    int transparent = histogram.indexOf(0);
    if (drawn.size() == 0) {
      s = histogram;
    } else if (transparent < 0) {
      s = drawn;
    } else {
      int[] colors = new int[drawn.size() + 1];
      int[] hits = new int[colors.length];
      for (int i = 0; i < drawn.size(); i++) {
        colors[i] = drawn.color(i);
        hits[i] = drawn.count(i);
      }
      long count = histogram.count(transparent);
      long visible = histogram.totalCount() - count;
      long share = Math.round((double) count * PREVIEW_DRAWS / visible);
      hits[colors.length - 1] = (int) Math.max(1, Math.min(Integer.MAX_VALUE, share));
      s = ColorHistogram.of(colors, hits);
    }
    previewSample = s;
    return s;
  }

  /** Every colour of the image assigned to its nearest entry of {@code fitted}'s palette, with its report. */
  private static Quantization assignNearest(Quantization fitted, KMeansSession working) {
    NearestCenters search = NearestCenters.of(fitted.palette(), working.coordinates());
    WeightedPoints points = working.points();
    int dim = points.dimensions();
    double[] c = points.coords();
    int[] assignment = new int[points.size()];
    ParallelChunks.forEach(assignment.length, 1 << 14, (chunk, from, to) -> {
      // neighbours in the histogram's order share their high bits, so the last answer is a good guess
      int guess = 0;
      for (int i = from; i < to; i++) {
        guess = search.nearest(c, i * dim, guess);
        assignment[i] = guess;
      }
    });
    return new Quantization(fitted.palette(), assignment, fitted.report());
  }
}

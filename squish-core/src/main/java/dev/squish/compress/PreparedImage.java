package dev.squish.compress;

import dev.squish.cluster.Quantization;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.IndexedImage;
import dev.squish.image.RgbaImage;
import dev.squish.metrics.ErrorMetrics;
import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.Method;
import dev.squish.quantize.kmeans.KMeansSession;
import java.util.List;
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
  private final Map<ColorSpace, KMeansSession> previewSessions = new ConcurrentHashMap<>();
  private volatile ColorHistogram previewSample;

  private PreparedImage(RgbaImage image, ColorHistogram histogram) {
    this.image = image;
    this.histogram = histogram;
  }

  /**
   * {@return {@code image} prepared}: its histogram is counted now, on all cores.
   *
   * @param image the pixels
   */
  public static PreparedImage of(RgbaImage image) {
    Objects.requireNonNull(image, "image");
    return new PreparedImage(image, ColorHistogram.of(image));
  }

  /** {@return the original pixels} */
  public RgbaImage image() {
    return image;
  }

  /** {@return the distinct colours of the image with their pixel counts} */
  public ColorHistogram histogram() {
    return histogram;
  }

  /**
   * {@return the exact result of {@code options}: what {@code squish} writes for them}
   *
   * @param options what to do
   */
  public Compressed compress(CompressOptions options) {
    Objects.requireNonNull(options, "options");
    KMeansSession ss = session(options.space());
    Quantization q = Quantizers.quantize(ss, options.method(), options.speed(), options.seed(), false,
        options.kSearchListener(), Quantizers.pins(options));
    return Pipeline.finish(image, ss, q, options, Quantizers.k(options.method(), q), false);
  }

  /**
   * A quick approximation of {@link #compress}: the method fits its palette to a weighted sample
   * of {@value #PREVIEW_DRAWS} pixels (k-means with one seeding and no random swaps), then every
   * colour of the image takes its nearest palette entry in the working space; mapping, dithering
   * and measuring are the real ones on the real image. An image with few colours gets the exact
   * result, which is then as quick ({@link Compressed#preview()} tells which). A k search's
   * listener hears the fits to the sample.
   *
   * @param options what to do
   * @return the quick result
   */
  public Compressed preview(CompressOptions options) {
    Objects.requireNonNull(options, "options");
    ColorHistogram sample = previewSample();
    if (histogram.size() <= sample.size() * 2L || options.method() instanceof Method.Given) {
      return compress(options);
    }
    KMeansSession sampled = previewSessions.computeIfAbsent(options.space(), s -> new KMeansSession(sample, s));
    Quantization fitted = Quantizers.quantize(sampled, options.method(), options.speed(), options.seed(), true,
        options.kSearchListener(), Quantizers.pins(options));
    Quantization q = Quantizers.nearest(fitted.palette(), session(options.space()), fitted.report());
    return Pipeline.finish(image, session(options.space()), q, options, Quantizers.k(options.method(), fitted), true);
  }

  /**
   * The output for the smallest k up to {@code options.method().k()} whose quality reaches
   * {@code target}: k doubles until the target is reached, then bisects, each fit warm-started from
   * the palette of the largest k tried below it. The method must be k-means.
   *
   * @param options the method (k-means), with the largest k allowed, and the rest
   * @param target the quality to reach
   * @return the chosen output, its k, whether the target was met, and every k tried
   */
  public QualityTarget.Result search(CompressOptions options, QualityTarget target) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(target, "target");
    return QualitySearch.search(image, histogram, session(options.space()), options, target);
  }

  /**
   * {@return MSE and PSNR of {@code other} against the original}, measured as for squish's own output.
   *
   * @param other an image of the same size
   */
  public Quality measure(RgbaImage other) {
    double mse = ErrorMetrics.mse(image, other);
    return new Quality(mse, ErrorMetrics.psnr(mse), ErrorMetrics.channels(image), Double.NaN, Double.NaN);
  }

  /**
   * {@return the quality of {@code other} against the original}, measured as for squish's own
   * output: MSE and PSNR, and SSIM and mean ΔE00 when {@code perceptual} (else NaN). For outputs
   * made elsewhere, or shown through another colour conversion than the one they were fitted in.
   *
   * @param other a palette image of the same size
   * @param perceptual also measure SSIM and mean ΔE00
   */
  public Quality measure(IndexedImage other, boolean perceptual) {
    Objects.requireNonNull(other, "other");
    return Pipeline.measure(image, histogram, other, perceptual, perceptual);
  }

  /**
   * {@return the memory held, in bytes}, estimated from array sizes: the pixels, the histogram
   * (colours, counts and its hash table), the preview's sample and the working-space colours made
   * so far.
   */
  public long estimatedBytes() {
    ColorHistogram sample = previewSample;
    long bytes = 4L * image.pixelCount() + histogram.estimatedBytes()
        + (sample == null || sample == histogram ? 0 : sample.estimatedBytes());
    for (Map<ColorSpace, KMeansSession> made : List.of(sessions, previewSessions)) {
      for (KMeansSession s : made.values()) {
        bytes += s.estimatedBytes();
      }
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
      long[] hits = new long[colors.length];
      for (int i = 0; i < drawn.size(); i++) {
        colors[i] = drawn.color(i);
        hits[i] = drawn.count(i);
      }
      long count = histogram.count(transparent);
      long visible = histogram.totalCount() - count;
      long share = Math.round((double) count * PREVIEW_DRAWS / visible);
      hits[colors.length - 1] = Math.max(1, share);
      s = ColorHistogram.of(colors, hits);
    }
    previewSample = s;
    return s;
  }
}

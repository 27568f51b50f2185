package dev.squish.web;

import dev.squish.color.ColorSpace;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.RgbaImage;
import dev.squish.io.decode.ImageFormat;
import dev.squish.io.encode.TruecolorPngEncoder;
import dev.squish.plot.ColorSample;
import dev.squish.quantize.kmeans.KMeansSession;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One uploaded image and the work kept between requests about it: the decoded pixels, the
 * histogram, the samples for the preview and the cloud, the colours in each working space
 * ({@link KMeansSession}, which k-means reuses for every k), the original as PNG and the recent
 * results. This is what makes a change of k cheap: nothing about the image is computed twice.
 * Thread-safe.
 */
final class UploadSession {
  /** Draws of the sample the preview quantizes: enough that its palette is close to the full fit's. */
  static final int PREVIEW_DRAWS = 16_384;
  /** Results kept per image (each holds only its encoded file and JSON). */
  private static final int KEPT_RESULTS = 16;

  private final String id;
  private final String name;
  private final long uploadBytes;
  private final ImageFormat format;
  private final RgbaImage image;
  private final ColorHistogram histogram;
  private final ColorHistogram previewHistogram;
  private final ColorSample cloudSample;
  // concurrent, not locked: the memory estimate reads it while a session is being built (seconds)
  private final Map<ColorSpace, KMeansSession> kmeans = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<ColorSpace, String> cloudJson = new EnumMap<>(ColorSpace.class);
  private final Map<String, PageResult> results = new LinkedHashMap<>(16, 0.75f, true);
  private final Map<String, PageResult> resultsById = new LinkedHashMap<>();
  private final AtomicLong resultCounter = new AtomicLong();
  private final AtomicLong generation = new AtomicLong();
  /** Held while an exact fit runs, so one image never has two exact fits competing for the cores. */
  private final ReentrantLock exactLock = new ReentrantLock(true);
  private volatile byte[] originalPng;
  private volatile long lastUsed = System.nanoTime();

  UploadSession(String id, String name, long uploadBytes, ImageFormat format, RgbaImage image,
      ColorHistogram histogram) {
    this.id = id;
    this.name = name;
    this.uploadBytes = uploadBytes;
    this.format = format;
    this.image = image;
    this.histogram = histogram;
    this.cloudSample = ColorSample.of(histogram, ColorSample.DEFAULT_DRAWS, 1);
    this.previewHistogram = previewHistogram(histogram);
  }

  /**
   * A weighted sample of the pixels, plus the fully transparent ones in their share (the sample
   * leaves them out, having no colour to show, but the preview's palette needs their entry).
   */
  private static ColorHistogram previewHistogram(ColorHistogram histogram) {
    ColorSample preview = ColorSample.of(histogram, PREVIEW_DRAWS, 2);
    if (preview.size() == 0) {
      return histogram;
    }
    int transparent = histogram.indexOf(0);
    int n = preview.size() + (transparent >= 0 ? 1 : 0);
    int[] colors = new int[n];
    int[] hits = new int[n];
    for (int i = 0; i < preview.size(); i++) {
      colors[i] = preview.color(i);
      hits[i] = preview.hitsOf(i);
    }
    if (transparent >= 0) {
      long count = histogram.count(transparent);
      long visible = histogram.totalCount() - count;
      colors[n - 1] = 0;
      long share = Math.round((double) count * PREVIEW_DRAWS / visible);
      hits[n - 1] = (int) Math.max(1, Math.min(Integer.MAX_VALUE, share));
    }
    return ColorHistogram.of(colors, hits);
  }

  String id() {
    return id;
  }

  String name() {
    return name;
  }

  long uploadBytes() {
    return uploadBytes;
  }

  ImageFormat format() {
    return format;
  }

  RgbaImage image() {
    return image;
  }

  ColorHistogram histogram() {
    return histogram;
  }

  /** The histogram of a weighted sample of the pixels, which the preview quantizes instead of every colour. */
  ColorHistogram previewHistogram() {
    return previewHistogram;
  }

  /** True when the image has so few colours that the exact fit is as quick as a preview. */
  boolean smallHistogram() {
    return histogram.size() <= previewHistogram.size() * 2L;
  }

  ColorSample cloudSample() {
    return cloudSample;
  }

  /** The k-means session of {@code space}, made on first use. */
  KMeansSession kmeans(ColorSpace space) {
    return kmeans.computeIfAbsent(space, s -> new KMeansSession(histogram, s));
  }

  synchronized byte[] originalPng() {
    if (originalPng == null) {
      originalPng = TruecolorPngEncoder.encode(image);
    }
    return originalPng;
  }

  String cloudJson(ColorSpace space, java.util.function.Function<ColorSpace, String> make) {
    synchronized (cloudJson) {
      return cloudJson.computeIfAbsent(space, make);
    }
  }

  /** The cached result for {@code key}, or null. */
  PageResult result(String key) {
    synchronized (results) {
      return results.get(key);
    }
  }

  /** The cached result with id {@code resultId}, or null. */
  PageResult resultById(String resultId) {
    synchronized (results) {
      return resultsById.get(resultId);
    }
  }

  /** Caches {@code r}, dropping the least recently used result beyond {@link #KEPT_RESULTS}. */
  void keep(String key, PageResult r) {
    synchronized (results) {
      results.put(key, r);
      resultsById.put(r.id(), r);
      while (results.size() > KEPT_RESULTS) {
        String oldest = results.keySet().iterator().next();
        resultsById.remove(results.remove(oldest).id());
      }
    }
  }

  String nextResultId() {
    return "r" + resultCounter.incrementAndGet();
  }

  /** Counts a new compress request and returns its number: a later one supersedes it. */
  long newGeneration() {
    return generation.incrementAndGet();
  }

  long generation() {
    return generation.get();
  }

  ReentrantLock exactLock() {
    return exactLock;
  }

  void touch() {
    lastUsed = System.nanoTime();
  }

  long lastUsed() {
    return lastUsed;
  }

  /**
   * Memory held, estimated from array sizes: pixels, histogram (colours, counts and its hash
   * table), working-space colours per space, cached files.
   */
  long estimatedBytes() {
    long bytes = 4L * image.pixelCount() + 24L * histogram.size() + 12L * previewHistogram.size();
    for (KMeansSession s : kmeans.values()) {
      bytes += (long) s.points().size() * (8L * s.points().dimensions() + 8);
    }
    byte[] png = originalPng; // read without the lock its encoding holds
    bytes += png == null ? 0 : png.length;
    synchronized (results) {
      for (PageResult r : results.values()) {
        bytes += r.file().length + 2L * r.json().length();
      }
    }
    return bytes;
  }
}

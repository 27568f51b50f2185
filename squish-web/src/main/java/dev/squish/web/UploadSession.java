package dev.squish.web;

import dev.squish.compress.PreparedImage;
import dev.squish.histogram.ColorHistogram;
import dev.squish.io.decode.ImageFormat;
import dev.squish.io.encode.TruecolorPngEncoder;
import dev.squish.quantize.ColorSpace;
import dev.squish.view.ColorCloud;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One uploaded image and the work kept between requests about it: the prepared image (histogram,
 * colours in each working space, the preview's sample, all made once by squish-core), the sample
 * the colour cloud shows, the original as PNG and the recent results. This is what makes a change
 * of k cheap: nothing about the image is computed twice. Thread-safe.
 */
final class UploadSession {
  /**
   * Heap an image really holds per byte of its arrays, in percent: object headers, the lookup
   * tables and the small objects the array sizes leave out. Measured after a full GC on the four
   * test photos with previews and exact fits made: 120–171 %, so 175 %, which keeps the heap the
   * held images take within {@code --cache-mb} (the page-load test checks it).
   */
  static final int HEAP_PER_ARRAY_BYTE_PERCENT = 175;
  /** Results kept per image (each holds only its encoded file and JSON). */
  private static final int KEPT_RESULTS = 16;

  private final String id;
  private final String name;
  private final long uploadBytes;
  private final ImageFormat format;
  private final PreparedImage prepared;
  private final ColorHistogram cloudSample;
  private final Map<ColorSpace, String> cloudJson = new EnumMap<>(ColorSpace.class);
  private final Map<String, PageResult> results = new LinkedHashMap<>(16, 0.75f, true);
  private final Map<String, PageResult> resultsById = new LinkedHashMap<>();
  private final AtomicLong resultCounter = new AtomicLong();
  private final AtomicLong generation = new AtomicLong();
  /** Held while an exact fit runs, so one image never has two exact fits competing for the cores. */
  private final ReentrantLock exactLock = new ReentrantLock(true);
  private volatile byte[] originalPng;
  private volatile long lastUsed = System.nanoTime();

  UploadSession(String id, String name, long uploadBytes, ImageFormat format, PreparedImage prepared) {
    this.id = id;
    this.name = name;
    this.uploadBytes = uploadBytes;
    this.format = format;
    this.prepared = prepared;
    this.cloudSample = ColorCloud.sample(prepared);
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

  PreparedImage prepared() {
    return prepared;
  }

  ColorHistogram cloudSample() {
    return cloudSample;
  }

  synchronized byte[] originalPng() {
    if (originalPng == null) {
      originalPng = TruecolorPngEncoder.encode(prepared.image());
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
   * Heap held, estimated from the sizes of its arrays (the prepared image, the cloud, the original
   * as PNG, the results) and {@link #HEAP_PER_ARRAY_BYTE_PERCENT}.
   */
  long estimatedBytes() {
    return arrayBytes() * HEAP_PER_ARRAY_BYTE_PERCENT / 100;
  }

  private long arrayBytes() {
    long bytes = prepared.estimatedBytes() + cloudSample.estimatedBytes();
    synchronized (cloudJson) {
      for (String json : cloudJson.values()) {
        bytes += 2L * json.length();
      }
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

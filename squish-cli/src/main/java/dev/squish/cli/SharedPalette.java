package dev.squish.cli;

import dev.squish.compress.CompressOptions;
import dev.squish.compress.PaletteFit;
import dev.squish.histogram.ColorHistogram;
import dev.squish.io.decode.ImageDecodeException;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.quantize.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Semaphore;

/**
 * Pass 1 of {@code --shared-palette}: decode every input, keep only its colour histogram (the
 * pixels are dropped at once), add the histograms up and fit one palette to the sum. Pass 2 is the
 * ordinary batch with that palette given ({@link Method#given}).
 *
 * <p>The palette does not depend on the order of the inputs or on {@code --jobs}: the sum is
 * exact and in the canonical order of the colours ({@link ColorHistogram#sum}), and the fit runs
 * in a pool of {@code jobs} threads whose parallel loops cut their work the same way on any number.
 */
final class SharedPalette {
  /**
   * What pass 1 found.
   *
   * @param fit the palette fitted to all the inputs that decoded; null when none did
   * @param failures per plan item, the failure of an input that did not decode (left out of the palette), else null
   * @param images how many inputs the palette was fitted to
   */
  record Outcome(PaletteFit fit, List<FileResult.Failed> failures, int images) {}

  private SharedPalette() {}

  /**
   * Decodes the planned items on {@code jobs} threads (at most {@code jobs} images in memory at once),
   * and fits the palette of {@code settings} to their summed histograms.
   */
  static Outcome fit(List<PlanItem> items, Settings settings, PaletteOptions.Weight weight, int jobs) {
    ImageDecoder decoder = new ImageDecoder(settings.limits(), settings.keepProfile());
    List<ForkJoinTask<Object>> pending = new ArrayList<>();
    Semaphore inFlight = new Semaphore(jobs);
    ForkJoinPool pool = new ForkJoinPool(jobs);
    try {
      for (PlanItem item : items) {
        if (!(item instanceof PlanItem.Planned p)) {
          pending.add(null);
          continue;
        }
        inFlight.acquireUninterruptibly();
        pending.add(pool.submit(() -> {
          try {
            return histogramOf(decoder, p.task());
          } finally {
            inFlight.release();
          }
        }));
      }
      List<ColorHistogram> histograms = new ArrayList<>();
      List<FileResult.Failed> failures = new ArrayList<>();
      for (ForkJoinTask<Object> t : pending) {
        Object r = t == null ? null : t.join();
        if (r instanceof ColorHistogram h) {
          histograms.add(h);
        }
        failures.add(r instanceof FileResult.Failed f ? f : null);
      }
      if (histograms.isEmpty()) {
        return new Outcome(null, failures, 0);
      }
      ColorHistogram sum = ColorHistogram.sum(weight == PaletteOptions.Weight.IMAGE ? equalized(histograms)
          : histograms);
      CompressOptions options = settings.compression();
      PaletteFit fit = pool.submit(() -> PaletteFit.of(sum, options)).join();
      return new Outcome(fit, failures, histograms.size());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The histogram of one input, or its failure as pass 2 would report it. */
  private static Object histogramOf(ImageDecoder decoder, Task task) {
    try {
      if (Files.notExists(task.input())) {
        return new FileResult.Failed(task.shownInput(), "no such file", null);
      }
      return ColorHistogram.of(decoder.decode(task.input()).image());
    } catch (ImageDecodeException e) {
      return new FileResult.Failed(task.shownInput(), e.getMessage(), e);
    } catch (OutOfMemoryError e) {
      return new FileResult.Failed(task.shownInput(),
          "not enough memory; give Java more (JAVA_OPTS=-Xmx8g), use fewer --jobs or lower --max-pixels", e);
    }
  }

  /**
   * {@code --shared-weight image}: every histogram scaled to the pixel count of the largest image, so
   * that each image weighs the same in the sum. A count c of an image of n pixels becomes
   * {@code round(c * N / n)} (halves up, exact in long arithmetic: both are below 2^31) for the
   * largest count N, and at least 1, so that no colour of a small image is dropped. Scaling up, not
   * down, keeps the largest image exactly as it is and every colour's share within 1 / N of exact.
   */
  static List<ColorHistogram> equalized(List<ColorHistogram> histograms) {
    long target = 0;
    for (ColorHistogram h : histograms) {
      target = Math.max(target, h.totalCount());
    }
    List<ColorHistogram> scaled = new ArrayList<>(histograms.size());
    for (ColorHistogram h : histograms) {
      scaled.add(scaled(h, target));
    }
    return scaled;
  }

  /** {@code h} with its counts scaled to add up to about {@code target}, its hidden colour kept. */
  static ColorHistogram scaled(ColorHistogram h, long target) {
    long total = h.totalCount();
    if (total == target || total == 0) {
      return h;
    }
    int[] colors = h.colors();
    long[] counts = h.counts();
    for (int i = 0; i < counts.length; i++) {
      counts[i] = Math.max(1, (counts[i] * target + total / 2) / total);
      if (colors[i] == 0) {
        colors[i] = h.hiddenColor(); // 0x00rrggbb: of() adds its RGB up as the hidden colour
      }
    }
    return ColorHistogram.of(colors, counts);
  }
}

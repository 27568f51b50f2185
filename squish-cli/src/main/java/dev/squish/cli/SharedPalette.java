package dev.squish.cli;

import dev.squish.compress.AnimationPalette;
import dev.squish.compress.CompressOptions;
import dev.squish.compress.PaletteFit;
import dev.squish.compress.SharedWeight;
import dev.squish.histogram.ColorHistogram;
import dev.squish.io.decode.ImageDecodeException;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.io.gif.GifAnimation;
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
  static Outcome fit(List<PlanItem> items, Settings settings, SharedWeight weight, int jobs) {
    ImageDecoder decoder = new ImageDecoder(settings.limits(), settings.keepProfile());
    Semaphore inFlight = new Semaphore(jobs);
    ForkJoinPool pool = new ForkJoinPool(jobs);
    try {
      // each histogram is folded into the sum, in plan order, as soon as it and those before it are done, so
      // that memory holds a few histograms, not all of them; the sum is exact, so grouping changes nothing
      Sum sum = new Sum(weight);
      java.util.ArrayDeque<ForkJoinTask<Object>> pending = new java.util.ArrayDeque<>();
      for (PlanItem item : items) {
        if (!(item instanceof PlanItem.Planned p)) {
          pending.add(pool.submit(() -> (Object) null)); // keeps the failures aligned with the plan
          continue;
        }
        inFlight.acquireUninterruptibly();
        pending.add(pool.submit(() -> {
          try {
            return histogramOf(decoder, p.task(), settings);
          } finally {
            inFlight.release();
          }
        }));
        while (!pending.isEmpty() && pending.peekFirst().isDone()) {
          sum.add(pending.pollFirst().join());
        }
      }
      while (!pending.isEmpty()) {
        sum.add(pending.pollFirst().join());
      }
      if (sum.images == 0) {
        return new Outcome(null, sum.failures, 0);
      }
      ColorHistogram all = sum.total();
      CompressOptions options = settings.compression();
      PaletteFit fit = pool.submit(() -> PaletteFit.of(all, options)).join();
      return new Outcome(fit, sum.failures, sum.images);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The histogram of one input, or its failure as pass 2 would report it. */
  private static Object histogramOf(ImageDecoder decoder, Task task, Settings settings) {
    byte[] data;
    try {
      if (Files.notExists(task.input())) {
        return new FileResult.Failed(task.shownInput(), "no such file", null);
      }
      data = ImageDecoder.read(task.input());
    } catch (ImageDecodeException e) {
      return new FileResult.Failed(task.shownInput(), e.getMessage(), e);
    } catch (OutOfMemoryError e) {
      return new FileResult.Failed(task.shownInput(), FileCompressor.notEnoughMemory(), e);
    }
    return histogramOf(decoder, data, settings, task.shownInput());
  }

  /**
   * The histogram of one image's bytes as pass 1 counts it (an animation with all its frames, or the
   * one {@code --frame} takes), or its failure as pass 2 would report it; the Spark job's pass 1 too.
   */
  static Object histogramOf(ImageDecoder decoder, byte[] data, Settings settings, String shownInput) {
    try {
      if (GifAnimation.isGif(data, data.length)) {
        // an animation counts with all its frames (or the one --frame takes), as pass 2 writes it
        GifAnimation animation = readAnimation(data, settings);
        if (animation != null && (animation.animated() || settings.frame() != null)) {
          Integer frame = settings.frame();
          if (frame != null) {
            if (frame > animation.frameCount()) {
              return new FileResult.Failed(shownInput, "has " + animation.frameCount() + " frames; --frame "
                  + frame + " is out of range (1-" + animation.frameCount() + ")", null);
            }
            return ColorHistogram.of(animation.frame(frame).image());
          }
          AnimationPalette[] frames = {AnimationPalette.empty()};
          animation.forEach(f -> frames[0] = frames[0].with(f.image()));
          return frames[0].histogram();
        }
      }
      return ColorHistogram.of(decoder.decode(data, data.length).image());
    } catch (ImageDecodeException e) {
      return new FileResult.Failed(shownInput, e.reason() == ImageDecodeException.Reason.OUT_OF_MEMORY
          ? FileCompressor.notEnoughMemory() : e.getMessage(), e);
    } catch (OutOfMemoryError e) {
      return new FileResult.Failed(shownInput, FileCompressor.notEnoughMemory(), e);
    } catch (RuntimeException e) {
      return new FileResult.Failed(shownInput,
          "internal error: " + e + " (a bug in squish; run with --verbose and please report it)", e);
    }
  }

  /** The GIF as an animation, or null when it is a damaged still GIF that the ordinary decoder words better. */
  private static GifAnimation readAnimation(byte[] data, Settings settings) throws ImageDecodeException {
    try {
      return GifAnimation.read(data, data.length, settings.limits());
    } catch (ImageDecodeException e) {
      if (settings.frame() != null || e.reason() == ImageDecodeException.Reason.TOO_LARGE) {
        throw e;
      }
      return null;
    }
  }

  /** The running sum of pass 1, with the failures in plan order. */
  private static final class Sum {
    /** How many histograms are added to the running sum at once. */
    private static final int FOLD = 32;
    private final SharedWeight weight;
    private final List<ColorHistogram> group = new ArrayList<>();
    private final List<FileResult.Failed> failures = new ArrayList<>();
    private ColorHistogram sum;
    private int images;

    Sum(SharedWeight weight) {
      this.weight = weight;
    }

    void add(Object result) {
      failures.add(result instanceof FileResult.Failed f ? f : null);
      if (result instanceof ColorHistogram h) {
        group.add(weight.apply(h));
        images++;
        if (group.size() == FOLD) {
          fold();
        }
      }
    }

    ColorHistogram total() {
      if (!group.isEmpty()) {
        fold();
      }
      return sum;
    }

    private void fold() {
      if (sum != null) {
        group.add(sum);
      }
      sum = ColorHistogram.sum(group);
      group.clear();
    }
  }
}

package dev.squish.plot;

import dev.squish.histogram.ColorHistogram;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A sample of an image's pixels drawn from its histogram, for drawing the colour cloud: every
 * pixel has the same chance to be drawn, so a colour is drawn in proportion to its count, and a
 * colour drawn several times is kept once with its number of hits.
 *
 * <p>The draw is systematic: {@code n} equally spaced positions, with a seeded random offset,
 * along the pixels laid out in histogram order. That gives every colour with more than
 * {@code total / n} pixels at least one hit, and much less variance than independent draws.
 * Fully transparent pixels are left out (they have no colour to show).
 *
 * @param histogram the histogram sampled
 * @param indices histogram indices of the colours drawn, ascending
 * @param hits how many of the {@code n} draws fell on each colour, aligned with {@code indices}
 */
public record ColorSample(ColorHistogram histogram, int[] indices, int[] hits) {

  /** Default number of draws: enough for the shape of the cloud, few enough to draw at once. */
  public static final int DEFAULT_DRAWS = 6000;

  public ColorSample {
    Objects.requireNonNull(histogram, "histogram");
    if (indices.length != hits.length) {
      throw new IllegalArgumentException("indices and hits differ in length: " + indices.length + " vs " + hits.length);
    }
    indices = indices.clone();
    hits = hits.clone();
  }

  /**
   * Draws {@code draws} pixels of {@code histogram} with a random start set by {@code seed}.
   *
   * @param draws number of draws, at least 1
   */
  public static ColorSample of(ColorHistogram histogram, int draws, long seed) {
    if (draws < 1) {
      throw new IllegalArgumentException("draws must be >= 1, got " + draws);
    }
    int n = histogram.size();
    long visible = 0;
    for (int i = 0; i < n; i++) {
      visible += histogram.color(i) >>> 24 == 0 ? 0 : histogram.count(i);
    }
    if (visible == 0) {
      return new ColorSample(histogram, new int[0], new int[0]);
    }
    double step = (double) visible / draws;
    double next = new SplittableRandom(seed).nextDouble() * step;
    int[] idx = new int[Math.min(n, draws)];
    int[] hit = new int[idx.length];
    int kept = 0;
    long before = 0; // visible pixels of the colours before i
    for (int i = 0; i < n && kept < idx.length; i++) {
      if (histogram.color(i) >>> 24 == 0) {
        continue;
      }
      long after = before + histogram.count(i);
      int h = 0;
      while (next < after) {
        h++;
        next += step;
      }
      if (h > 0) {
        idx[kept] = i;
        hit[kept++] = h;
      }
      before = after;
    }
    return new ColorSample(histogram, Arrays.copyOf(idx, kept), Arrays.copyOf(hit, kept));
  }

  /** Number of distinct colours drawn. */
  public int size() {
    return indices.length;
  }

  /** Colour {@code i} of the sample, {@code 0xAARRGGBB}. */
  public int color(int i) {
    return histogram.color(indices[i]);
  }

  @Override
  public int[] indices() {
    return indices.clone();
  }

  @Override
  public int[] hits() {
    return hits.clone();
  }

  /** Hits of colour {@code i}. */
  public int hitsOf(int i) {
    return hits[i];
  }

  /** Histogram index of colour {@code i}. */
  public int indexOf(int i) {
    return indices[i];
  }
}

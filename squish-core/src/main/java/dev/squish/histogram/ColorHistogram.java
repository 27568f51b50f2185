package dev.squish.histogram;

import dev.squish.image.RgbaImage;
import dev.squish.parallel.ParallelChunks;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The distinct colours of an image with the number of pixels of each: what the quantizers
 * cluster instead of the pixels themselves. A 12-megapixel photo typically has a few hundred
 * thousand distinct colours, so every pass over the histogram is 20 to 50 times cheaper than a
 * pass over the pixels, with exactly the same weighted objective.
 *
 * <p>Colours are packed {@code 0xAARRGGBB} (fully transparent pixels all count as
 * {@code 0x00000000}, see {@link #canonical}), sorted by their value as a signed int, so the order
 * (and everything computed from it) does not depend on how the histogram was built. Immutable.
 */
public final class ColorHistogram {
  /** Pixels per partial table when counting in parallel; fixed so the work split never varies. */
  private static final int PIXELS_PER_PART = 1 << 20;

  private final int[] colors;
  private final int[] counts;
  private final long totalCount;
  private final ColorCountTable positions;
  private final int hiddenColor;

  private ColorHistogram(long[] sortedEntries, int hiddenColor) {
    this.hiddenColor = hiddenColor;
    int n = sortedEntries.length;
    colors = new int[n];
    counts = new int[n];
    long total = 0;
    positions = new ColorCountTable(n);
    for (int i = 0; i < n; i++) {
      colors[i] = (int) (sortedEntries[i] >> 32);
      counts[i] = (int) sortedEntries[i];
      total += counts[i];
      positions.add(colors[i], i);
    }
    totalCount = total;
  }

  /** Counts the distinct {@code 0xAARRGGBB} values of {@code image}, using all cores. */
  public static ColorHistogram of(RgbaImage image) {
    Objects.requireNonNull(image, "image");
    int n = image.pixelCount();
    int parts = ParallelChunks.chunkCount(n, PIXELS_PER_PART);
    ColorCountTable[] partial = new ColorCountTable[parts];
    long[][] hidden = new long[parts][4];
    ParallelChunks.forEach(n, PIXELS_PER_PART, (part, from, to) -> {
      ColorCountTable table = new ColorCountTable(1 << 12);
      int[] row = new int[4096];
      long[] sums = hidden[part];
      for (int start = from; start < to; start += row.length) {
        int len = Math.min(row.length, to - start);
        image.copyPixels(start, row, len);
        if (image.usesAlpha()) {
          for (int i = 0; i < len; i++) {
            int p = row[i];
            if ((p >>> 24) == 0) {
              sums[0]++;
              sums[1] += (p >>> 16) & 0xFF;
              sums[2] += (p >>> 8) & 0xFF;
              sums[3] += p & 0xFF;
              row[i] = 0;
            }
          }
        }
        // runs of equal pixels are common (flat areas, screenshots): count a run with one probe
        int run = 1;
        int prev = row[0];
        for (int i = 1; i < len; i++) {
          int p = row[i];
          if (p == prev) {
            run++;
          } else {
            table.add(prev, run);
            prev = p;
            run = 1;
          }
        }
        table.add(prev, run);
      }
      partial[part] = table;
    });
    ColorCountTable all = partial[0];
    for (int i = 1; i < parts; i++) {
      all.addAll(partial[i]);
    }
    long[] sums = new long[4];
    for (long[] h : hidden) {
      for (int c = 0; c < 4; c++) {
        sums[c] += h[c];
      }
    }
    int hiddenColor = 0;
    if (sums[0] > 0) {
      long count = sums[0];
      hiddenColor = (int) ((sums[1] + count / 2) / count) << 16 | (int) ((sums[2] + count / 2) / count) << 8
          | (int) ((sums[3] + count / 2) / count);
    }
    return new ColorHistogram(all.sortedEntries(), hiddenColor);
  }

  /**
   * A histogram from explicit colours and counts (each colour at most once, counts positive),
   * for tests and for callers that merge several images into one palette.
   */
  public static ColorHistogram of(int[] colors, int[] counts) {
    if (colors.length != counts.length) {
      throw new IllegalArgumentException(
          "colors and counts differ in length: " + colors.length + " vs " + counts.length);
    }
    ColorCountTable table = new ColorCountTable(colors.length);
    for (int i = 0; i < colors.length; i++) {
      if (counts[i] <= 0) {
        throw new IllegalArgumentException("count of colour " + i + " must be > 0, got " + counts[i]);
      }
      if (table.get(colors[i], 0) != 0) {
        throw new IllegalArgumentException(String.format("colour %08x appears twice", colors[i]));
      }
      table.add(colors[i], counts[i]);
    }
    return new ColorHistogram(table.sortedEntries(), 0);
  }

  /** Number of distinct colours. */
  public int size() {
    return colors.length;
  }

  /** The {@code i}-th distinct colour, {@code 0xAARRGGBB}. */
  public int color(int i) {
    return colors[i];
  }

  /** Number of pixels of the {@code i}-th colour. */
  public int count(int i) {
    return counts[i];
  }

  /** Total number of pixels counted. */
  public long totalCount() {
    return totalCount;
  }

  /**
   * Position of {@code argb} (after {@link #canonical}) in this histogram, or -1 when the image
   * has no such pixel. Constant time.
   */
  public int indexOf(int argb) {
    return positions.get(canonical(argb), -1);
  }

  /**
   * The colour a pixel is counted as: itself, except that every fully transparent pixel counts
   * as {@code 0x00000000}, because the colour hidden under alpha 0 is invisible and would only
   * waste palette entries.
   */
  public static int canonical(int argb) {
    return (argb >>> 24) == 0 ? 0 : argb;
  }

  /**
   * The mean colour hidden under the fully transparent pixels, as {@code 0x00RRGGBB} (0 when
   * there are none). It is invisible, but it is the best guess for anyone who later drops the
   * alpha channel, and it is what an error measure over raw RGBA compares against; so the
   * transparent palette entry carries it instead of black.
   */
  public int hiddenColor() {
    return hiddenColor;
  }

  /**
   * A sample of the pixels, as a histogram of the colours drawn with their number of hits: every
   * visible pixel has the same chance to be drawn, so a colour is drawn in proportion to its count.
   * The draw is systematic: {@code draws} equally spaced positions, from a seeded random offset,
   * along the pixels laid out in histogram order. That gives every colour with more than
   * {@code totalCount / draws} pixels at least one hit, with much less variance than independent
   * draws. Fully transparent pixels are left out (they have no colour to show); the sample of an
   * image with no visible pixel is empty.
   *
   * @param draws number of draws, at least 1
   */
  public ColorHistogram sample(int draws, long seed) {
    if (draws < 1) {
      throw new IllegalArgumentException("draws must be >= 1, got " + draws);
    }
    int n = colors.length;
    long visible = 0;
    for (int i = 0; i < n; i++) {
      visible += colors[i] >>> 24 == 0 ? 0 : counts[i];
    }
    int capacity = (int) Math.min(n, draws);
    long[] entries = new long[visible == 0 ? 0 : capacity];
    int kept = 0;
    if (visible > 0) {
      double step = (double) visible / draws;
      double next = new SplittableRandom(seed).nextDouble() * step;
      long before = 0; // visible pixels of the colours before i
      for (int i = 0; i < n && kept < capacity; i++) {
        if (colors[i] >>> 24 == 0) {
          continue;
        }
        long after = before + counts[i];
        int hits = 0;
        while (next < after) {
          hits++;
          next += step;
        }
        if (hits > 0) {
          entries[kept++] = ((long) colors[i] << 32) | hits;
        }
        before = after;
      }
    }
    return new ColorHistogram(Arrays.copyOf(entries, kept), 0);
  }

  /** A copy of the distinct colours. */
  public int[] colors() {
    return colors.clone();
  }

  /** A copy of the counts, aligned with {@link #colors()}. */
  public int[] counts() {
    return counts.clone();
  }
}

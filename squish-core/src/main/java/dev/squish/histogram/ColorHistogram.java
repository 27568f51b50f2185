package dev.squish.histogram;

import dev.squish.image.RgbaImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
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
  private final int[] colors;
  private final long[] counts;
  private final long totalCount;
  private final ColorCountTable positions;
  /** Sums of R, G and B under the fully transparent pixels: exact, so that histograms add up exactly. */
  private final long[] hiddenSums;

  private ColorHistogram(int[] sortedColors, long[] counts, long[] hiddenSums) {
    this.colors = sortedColors;
    this.counts = counts;
    this.hiddenSums = hiddenSums;
    positions = new ColorCountTable(colors.length);
    long total = 0;
    for (int i = 0; i < colors.length; i++) {
      total += counts[i];
      positions.add(colors[i], i);
    }
    totalCount = total;
  }

  /** From {@code (color << 32) | count} entries sorted by colour, as {@link ColorCountTable} gives them. */
  private static ColorHistogram ofEntries(long[] sortedEntries, long[] hiddenSums) {
    int n = sortedEntries.length;
    int[] colors = new int[n];
    long[] counts = new long[n];
    for (int i = 0; i < n; i++) {
      colors[i] = (int) (sortedEntries[i] >> 32);
      counts[i] = sortedEntries[i] & 0xFFFFFFFFL;
    }
    return new ColorHistogram(colors, counts, hiddenSums);
  }

  /**
   * {@return the histogram of {@code image}}: its distinct {@code 0xAARRGGBB} values, counted on
   * all cores.
   *
   * @param image the pixels
   */
  public static ColorHistogram of(RgbaImage image) {
    Objects.requireNonNull(image, "image");
    long[] hidden = new long[3];
    long[] entries = PixelCounting.count(image, hidden);
    return ofEntries(entries, hidden);
  }

  /**
   * {@return a histogram of explicit colours and counts}. Fully transparent colours all count as
   * {@code 0x00000000} (see {@link #canonical}): given several, their counts are added up and their
   * RGB becomes the {@link #hiddenColor()}.
   *
   * @param colors the colours, {@code 0xAARRGGBB}, each visible one at most once
   * @param counts the pixels of each, positive, aligned with {@code colors}
   * @throws IllegalArgumentException when the lengths differ, a count is not positive or a visible colour repeats
   */
  public static ColorHistogram of(int[] colors, long[] counts) {
    if (colors.length != counts.length) {
      throw new IllegalArgumentException(
          "colors and counts differ in length: " + colors.length + " vs " + counts.length);
    }
    long[] order = new long[colors.length];
    long[] hidden = new long[3];
    for (int i = 0; i < colors.length; i++) {
      if (counts[i] <= 0) {
        throw new IllegalArgumentException("count of colour " + i + " must be > 0, got " + counts[i]);
      }
      if ((colors[i] >>> 24) == 0) {
        PixelCounting.addRgb(hidden, colors[i], counts[i]);
      }
      order[i] = ((long) canonical(colors[i]) << 32) | i;
    }
    Arrays.sort(order);
    int[] sorted = new int[colors.length];
    long[] summed = new long[colors.length];
    int n = 0;
    for (long entry : order) {
      int color = (int) (entry >> 32);
      long count = counts[(int) entry];
      if (n > 0 && sorted[n - 1] == color) {
        if (color != 0) {
          throw new IllegalArgumentException(String.format("colour %08x appears twice", color));
        }
        summed[n - 1] += count;
      } else {
        sorted[n] = color;
        summed[n++] = count;
      }
    }
    return new ColorHistogram(Arrays.copyOf(sorted, n), Arrays.copyOf(summed, n), hidden);
  }

  /**
   * {@return a histogram taken apart by {@link #colors()}, {@link #counts()} and {@link #hiddenSums()}, whole
   * again}: what a histogram sent between machines (a distributed sum) needs to add up exactly, the colour
   * hidden under the transparent pixels included.
   *
   * @param colors the colours, as {@link #of(int[], long[])} takes them
   * @param counts the pixels of each
   * @param hiddenSums the sums of R, G and B under the fully transparent pixels, 3 values
   */
  public static ColorHistogram of(int[] colors, long[] counts, long[] hiddenSums) {
    if (hiddenSums.length != 3) {
      throw new IllegalArgumentException("hiddenSums must hold 3 sums (R, G, B), got " + hiddenSums.length);
    }
    ColorHistogram h = of(colors, counts);
    return new ColorHistogram(h.colors, h.counts, hiddenSums.clone());
  }

  /** {@return the exact sums of R, G and B under the fully transparent pixels} (0s when there are none) */
  public long[] hiddenSums() {
    return hiddenSums.clone();
  }

  /**
   * {@return the histograms added up}: every colour counted as often as in all of them together,
   * the hidden colour the mean under all their transparent pixels. Exact (counts are longs), so the
   * result is the same in any order and however the parts were grouped: a histogram of many images,
   * one image at a time, to fit one palette to all of them.
   *
   * @param parts the histograms, at least one
   */
  public static ColorHistogram sum(Collection<ColorHistogram> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("no histogram to add up");
    }
    List<ColorHistogram> todo = new ArrayList<>(parts);
    // pairwise merges of sorted lists, in rounds: each colour is moved log2(parts) times, not parts times
    while (todo.size() > 1) {
      List<ColorHistogram> next = new ArrayList<>((todo.size() + 1) / 2);
      for (int i = 0; i < todo.size(); i += 2) {
        next.add(i + 1 < todo.size() ? merge(todo.get(i), todo.get(i + 1)) : todo.get(i));
      }
      todo = next;
    }
    return todo.get(0);
  }

  /**
   * {@return this histogram with its counts scaled to add up to about {@code total}}: a count c of
   * n pixels becomes {@code round(c * total / n)} (halves up), and at least 1, so that no colour is
   * lost; the hidden colour stays the same. For weighing images equally in a {@link #sum}: each
   * part scaled to the same total on its own, so the parts still add up in any order or grouping.
   *
   * @param total the pixel count to scale to, 1 to 2^31
   */
  public ColorHistogram scaledTo(long total) {
    if (total < 1 || total > 1L << 31) {
      throw new IllegalArgumentException("total must be from 1 to 2^31, got " + total);
    }
    if (totalCount == total || totalCount == 0) {
      return this;
    }
    long[] scaled = new long[counts.length];
    for (int i = 0; i < counts.length; i++) {
      scaled[i] = Math.max(1, scaledCount(counts[i], total, totalCount));
    }
    int transparent = indexOf(0);
    long[] hidden = hiddenSums.clone();
    if (transparent >= 0) {
      // keep the mean hidden colour: its sums scale with the transparent count
      for (int c = 0; c < 3; c++) {
        hidden[c] = Math.round((double) hiddenSums[c] * scaled[transparent] / counts[transparent]);
      }
    }
    return new ColorHistogram(colors.clone(), scaled, hidden);
  }

  /** round(c * total / n), halves up, exact: in long arithmetic when the product fits (any one image's counts). */
  private static long scaledCount(long c, long total, long n) {
    if (Math.multiplyHigh(c, total) == 0 && c * total >= 0 && c * total <= Long.MAX_VALUE - n / 2) {
      return (c * total + n / 2) / n;
    }
    return java.math.BigInteger.valueOf(c).multiply(java.math.BigInteger.valueOf(total))
        .add(java.math.BigInteger.valueOf(n / 2)).divide(java.math.BigInteger.valueOf(n)).longValueExact();
  }

  private static ColorHistogram merge(ColorHistogram a, ColorHistogram b) {
    int[] colors = new int[a.size() + b.size()];
    long[] counts = new long[colors.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.size() || j < b.size()) {
      if (j == b.size() || i < a.size() && a.colors[i] < b.colors[j]) {
        colors[n] = a.colors[i];
        counts[n++] = a.counts[i++];
      } else if (i == a.size() || b.colors[j] < a.colors[i]) {
        colors[n] = b.colors[j];
        counts[n++] = b.counts[j++];
      } else {
        colors[n] = a.colors[i];
        counts[n++] = a.counts[i++] + b.counts[j++];
      }
    }
    long[] hidden = new long[3];
    for (int c = 0; c < 3; c++) {
      hidden[c] = a.hiddenSums[c] + b.hiddenSums[c];
    }
    return new ColorHistogram(Arrays.copyOf(colors, n), Arrays.copyOf(counts, n), hidden);
  }

  /** {@return the bytes held by its arrays}: colours, counts and the hash table that finds a colour's position. */
  public long estimatedBytes() {
    return 4L * colors.length + 8L * counts.length + positions.estimatedBytes();
  }

  /** {@return the number of distinct colours} */
  public int size() {
    return colors.length;
  }

  /**
   * {@return the {@code i}-th distinct colour, {@code 0xAARRGGBB}}
   *
   * @param i 0 to {@code size() - 1}, colours in increasing order (as signed ints)
   */
  public int color(int i) {
    return colors[i];
  }

  /**
   * {@return the number of pixels of the {@code i}-th colour}
   *
   * @param i 0 to {@code size() - 1}
   */
  public long count(int i) {
    return counts[i];
  }

  /** {@return the total number of pixels counted} */
  public long totalCount() {
    return totalCount;
  }

  /**
   * {@return the position of {@code argb} (after {@link #canonical}) in this histogram, or -1 when
   * the image has no such pixel}; constant time.
   *
   * @param argb a colour, {@code 0xAARRGGBB}
   */
  public int indexOf(int argb) {
    return positions.get(canonical(argb), -1);
  }

  /**
   * {@return the colour a pixel is counted as}: itself, except that every fully transparent pixel
   * counts as {@code 0x00000000}, because the colour hidden under alpha 0 is invisible and would
   * only waste palette entries.
   *
   * @param argb the pixel, {@code 0xAARRGGBB}
   */
  public static int canonical(int argb) {
    return (argb >>> 24) == 0 ? 0 : argb;
  }

  /**
   * {@return the mean colour hidden under the fully transparent pixels, as {@code 0x00RRGGBB} (0
   * when there are none)}. It is invisible, but it is the best guess for anyone who later drops the
   * alpha channel, and it is what an error measure over raw RGBA compares against; so the
   * transparent palette entry carries it instead of black.
   */
  public int hiddenColor() {
    int transparent = indexOf(0);
    if (transparent < 0) {
      return 0;
    }
    long n = counts[transparent];
    return (int) ((hiddenSums[0] + n / 2) / n) << 16 | (int) ((hiddenSums[1] + n / 2) / n) << 8
        | (int) ((hiddenSums[2] + n / 2) / n);
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
   * @param seed sets the random offset of the draws
   * @return the colours drawn, their counts the hits
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
    int capacity = Math.min(n, draws);
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
    return ofEntries(Arrays.copyOf(entries, kept), new long[3]);
  }

  /** {@return a copy of the distinct colours} */
  public int[] colors() {
    return colors.clone();
  }

  /** {@return a copy of the counts, aligned with {@link #colors()}} */
  public long[] counts() {
    return counts.clone();
  }
}

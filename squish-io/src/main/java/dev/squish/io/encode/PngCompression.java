package dev.squish.io.encode;

import dev.squish.image.IndexedImage;
import dev.squish.image.Palette;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.Deflater;

/**
 * The search for the smallest zlib stream of an image's rows: every palette order and candidate
 * (filter and deflate strategy) of the {@link PngOptions}, ranked on a sample of rows at a fast
 * level, the winner compressed at the configured level, then zopfli on it when asked.
 */
final class PngCompression {
  /** Deflate level at which several candidates are compared. */
  static final int SCREENING_LEVEL = 5;
  /** How much smaller than the unfiltered rows a filter's sample must be for the filter to be chosen. */
  static final double FILTER_MARGIN = 0.03;
  private static final PngOptions.Candidate NONE_DEFAULT = new PngOptions.Candidate(PngFilter.NONE,
      Deflater.DEFAULT_STRATEGY);
  /** Largest screening sample. */
  private static final int MAX_SAMPLE_BYTES = 1 << 20;
  /** Most bands of rows in the screening sample. */
  private static final int SAMPLE_BANDS = 16;

  private PngCompression() {}

  /** The image as written (its palette order) and its zlib stream. */
  record Encoded(IndexedImage image, byte[] zlib) {}

  /**
   * Every palette order and candidate, the smallest stream kept; then zopfli on it if asked.
   * With more than one candidate they are ranked at {@link #SCREENING_LEVEL} (on a sample of
   * rows when {@link PngOptions#screeningBytes()} is set) and only the winner is compressed at
   * the configured level: the ranking rarely changes between levels.
   */
  static Encoded compress(IndexedImage image, PngOptions options) {
    int n = image.palette().size();
    List<int[]> orders = new ArrayList<>();
    orders.add(null); // the palette as given
    if (options.tryChainedPalette() && n > 2) {
      orders.add(chainOrder(image.palette()));
    }
    int depth = IndexedPngEncoder.bitDepth(n);
    int[] bestOrder = null;
    PngOptions.Candidate bestCandidate = options.candidates().get(0);
    List<PngOptions.Candidate> candidates = options.candidates();
    if (orders.size() * candidates.size() > 1) {
      int[] rows = sampleRows(image, sampleBytes(image, options.screeningBytes()));
      int level = Math.min(SCREENING_LEVEL, options.level());
      List<byte[][]> packed = new ArrayList<>();
      for (int[] order : orders) {
        packed.add(PngRows.pack(image, depth, newIndexOf(order, n), withPredecessors(rows, image.height())));
      }
      // every (order, candidate) pair on its own core; the smallest wins, ties to the first in this order
      int pairs = orders.size() * candidates.size();
      int[] sizes = new int[pairs];
      IntStream.range(0, pairs).parallel().forEach(p -> {
        PngOptions.Candidate c = candidates.get(p % candidates.size());
        byte[] filtered = PngRows.filter(packed.get(p / candidates.size()), c.filter(), rows);
        sizes[p] = ParallelDeflate.compress(filtered, filtered.length, level, c.strategy()).length;
      });
      int best = 0;
      for (int p = 1; p < pairs; p++) {
        if (sizes[p] < sizes[best]) {
          best = p;
        }
      }
      // unfiltered rows unless a filter is clearly smaller: filtered rows take three to six times as
      // long to deflate (zlib's hash chains fill up), which a lead of a percent on the sample does not
      // pay for (measured on the corpus: with 3% instead of 1%, 20% less time, the same mean size)
      int plain = candidates.indexOf(NONE_DEFAULT);
      if (plain >= 0 && sizes[plain] <= sizes[best] * (1 + FILTER_MARGIN)) {
        best = plain;
      }
      bestOrder = orders.get(best / candidates.size());
      bestCandidate = candidates.get(best % candidates.size());
    }
    IndexedImage written = bestOrder == null ? image : image.reorder(bestOrder);
    byte[][] packed = PngRows.pack(written, depth, null, null);
    byte[] filtered = PngRows.filter(packed, bestCandidate.filter(), null);
    byte[] z = ParallelDeflate.compress(filtered, filtered.length, options.level(), bestCandidate.strategy());
    if (options.zopfliIterations() > 0) {
      byte[] zopfli = ZopfliPass.compress(filtered, options.zopfliIterations());
      if (zopfli.length < z.length) {
        z = zopfli;
      }
    }
    return new Encoded(written, z);
  }

  /** For a permutation ({@code order[i]} is the old index of new entry {@code i}), new index by old index. */
  private static byte[] newIndexOf(int[] order, int n) {
    if (order == null) {
      return null;
    }
    byte[] map = new byte[n];
    for (int i = 0; i < n; i++) {
      map[order[i]] = (byte) i;
    }
    return map;
  }

  /** The sampled rows and the row above each (which the filters read); null stays null (all rows). */
  private static boolean[] withPredecessors(int[] rows, int height) {
    if (rows == null) {
      return null;
    }
    boolean[] needed = new boolean[height];
    for (int y : rows) {
      needed[y] = true;
      if (y > 0) {
        needed[y - 1] = true;
      }
    }
    return needed;
  }

  /**
   * The sample to rank on: an eighth of the image, at least {@code minimum} (the whole image when
   * it is smaller) and at most {@link #MAX_SAMPLE_BYTES}. A fixed small sample ranked a 12 MP photo
   * by its sky and chose a filter whose final stream was larger and three times as slow to deflate.
   */
  private static int sampleBytes(IndexedImage image, int minimum) {
    if (minimum == 0) {
      return 0;
    }
    long eighth = (image.width() + 1L) * image.height() / 8;
    return (int) Math.min(MAX_SAMPLE_BYTES, Math.max(minimum, eighth));
  }

  /**
   * The rows to rank candidates on: every row when {@code bytes} is 0 or the image is small,
   * otherwise up to {@link #SAMPLE_BANDS} evenly spaced bands of at least two rows, adding up to
   * about {@code bytes}. Many thin bands rather than a few thick ones: on a wide photo a budget of
   * a few dozen rows in one band would see only the sky. Null means every row.
   */
  private static int[] sampleRows(IndexedImage image, int bytes) {
    int h = image.height();
    long rowBytes = image.width() + 1L;
    if (bytes == 0 || rowBytes * h <= bytes) {
      return null;
    }
    int budget = (int) Math.max(2, bytes / rowBytes);
    int bands = Math.max(1, Math.min(SAMPLE_BANDS, budget / 2));
    int bandRows = Math.max(2, budget / bands);
    List<Integer> rows = new ArrayList<>();
    for (int b = 0; b < bands; b++) {
      int start = (int) ((long) b * (h - bandRows) / Math.max(1, bands - 1));
      for (int r = 0; r < bandRows && start + r < h; r++) {
        if (rows.isEmpty() || rows.get(rows.size() - 1) < start + r) {
          rows.add(start + r);
        }
      }
    }
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The palette's opaque entries in a nearest-neighbour chain: starting from the darkest, each next
   * entry is the closest remaining colour. Neighbouring pixels of similar colour then get
   * numerically close indices, which is what the Sub, Up and Paeth filters need to pay off (they
   * never do on an arbitrary order). Translucent entries stay first, in their order. Position
   * {@code i} holds the index of the entry that goes {@code i}-th.
   */
  static int[] chainOrder(Palette palette) {
    int n = palette.size();
    int[] colors = palette.colors();
    int[] order = new int[n];
    boolean[] used = new boolean[n];
    int next = 0;
    for (int i = 0; i < n; i++) {
      if ((colors[i] >>> 24) != 0xFF) {
        order[next++] = i;
        used[i] = true;
      }
    }
    int current = -1;
    for (int i = 0; i < n; i++) {
      if (!used[i] && (current < 0 || luma(colors[i]) < luma(colors[current]))) {
        current = i;
      }
    }
    while (current >= 0) {
      order[next++] = current;
      used[current] = true;
      int best = -1;
      long bestD = Long.MAX_VALUE;
      for (int j = 0; j < n; j++) {
        if (!used[j]) {
          long dist = distance2(colors[current], colors[j]);
          if (dist < bestD) {
            bestD = dist;
            best = j;
          }
        }
      }
      current = best;
    }
    return order;
  }

  private static int luma(int c) {
    return 299 * ((c >>> 16) & 0xFF) + 587 * ((c >>> 8) & 0xFF) + 114 * (c & 0xFF);
  }

  private static long distance2(int a, int b) {
    long s = 0;
    for (int shift = 0; shift < 24; shift += 8) {
      int d = ((a >>> shift) & 0xFF) - ((b >>> shift) & 0xFF);
      s += (long) d * d;
    }
    return s;
  }
}

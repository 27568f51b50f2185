package dev.squish.io.encode;

import dev.squish.image.IndexedImage;
import dev.squish.image.Palette;
import java.util.ArrayList;
import java.util.List;

/**
 * The search for the smallest zlib stream of an image's rows: every palette order and candidate
 * (filter and deflate strategy) of the {@link PngOptions}, ranked on a sample of rows at a fast
 * level, the winner compressed at the configured level, then zopfli on it when asked.
 */
final class PngCompression {
  /** Deflate level at which several candidates are compared. */
  static final int SCREENING_LEVEL = 5;
  /** Rows per band of the screening sample: enough that the Up and Paeth filters see their context. */
  private static final int SAMPLE_BAND_ROWS = 16;

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
    if (orders.size() * options.candidates().size() > 1) {
      int bestSize = Integer.MAX_VALUE;
      int[] rows = sampleRows(image, options.screeningBytes());
      for (int[] order : orders) {
        byte[][] packed = PngRows.pack(image, depth, newIndexOf(order, n), withPredecessors(rows, image.height()));
        for (PngOptions.Candidate c : options.candidates()) {
          byte[] filtered = PngRows.filter(packed, c.filter(), rows);
          int level = Math.min(SCREENING_LEVEL, options.level());
          int size = ParallelDeflate.compress(filtered, filtered.length, level, c.strategy()).length;
          if (size < bestSize) {
            bestSize = size;
            bestOrder = order;
            bestCandidate = c;
          }
        }
      }
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
   * The rows to rank candidates on: every row when {@code bytes} is 0 or the image is small,
   * otherwise evenly spaced bands of {@link #SAMPLE_BAND_ROWS} rows adding up to about
   * {@code bytes}. Null means every row.
   */
  private static int[] sampleRows(IndexedImage image, int bytes) {
    int h = image.height();
    long rowBytes = image.width() + 1L;
    if (bytes == 0 || rowBytes * h <= bytes) {
      return null;
    }
    int bands = (int) Math.max(1, bytes / (rowBytes * SAMPLE_BAND_ROWS));
    int bandRows = (int) Math.min(SAMPLE_BAND_ROWS, Math.max(1, bytes / rowBytes));
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

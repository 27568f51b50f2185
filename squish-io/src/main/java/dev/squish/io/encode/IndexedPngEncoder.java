package dev.squish.io.encode;

import dev.squish.mapping.IndexedImage;
import dev.squish.mapping.PaletteOrder;
import dev.squish.parallel.ParallelChunks;
import dev.squish.quantize.Palette;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes an {@link IndexedImage} as a palette PNG (colour type 3) at the smallest bit depth that
 * holds its palette (1, 2, 4 or 8 bits), with a {@code tRNS} chunk cut after the last entry
 * that is not opaque, and no ancillary chunks.
 *
 * <p>Written here rather than with ImageIO (which never lowers the bit depth, offers no filter
 * choice and reorders palettes with alpha) or pngj (unmaintained since 2014): the container is
 * five chunk types, while the choices that decide the file size (filters, deflate strategy, and
 * compressing on every core) are exactly what squish wants to control. The palette order is
 * kept as given. Thread-safe.
 */
public final class IndexedPngEncoder {
  private static final int IDAT_MAX = 1 << 20;

  private IndexedPngEncoder() {}

  /** The smallest PNG bit depth that can index a palette of {@code size} entries. */
  public static int bitDepth(int size) {
    return size <= 2 ? 1 : size <= 4 ? 2 : size <= 16 ? 4 : 8;
  }

  /** The PNG file as bytes. */
  public static byte[] encode(IndexedImage image, PngOptions options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(image, out, options);
    } catch (IOException e) {
      throw new IllegalStateException("ByteArrayOutputStream cannot fail", e);
    }
    return out.toByteArray();
  }

  /**
   * Writes the PNG file to {@code out} (not closed). With {@link PngOptions#tryChainedPalette()}
   * the palette may be written in another order than {@code image}'s (the pixels are the same).
   */
  public static void write(IndexedImage image, OutputStream out, PngOptions options) throws IOException {
    Encoded best = compress(image, options);
    Palette palette = best.image().palette();
    int depth = bitDepth(palette.size());
    byte[] idat = best.zlib();
    out.write(PngChunks.SIGNATURE);
    PngChunks.write(out, "IHDR", header(image.width(), image.height(), depth));
    PngChunks.write(out, "PLTE", plte(palette));
    byte[] trns = trns(palette);
    if (trns.length > 0) {
      PngChunks.write(out, "tRNS", trns);
    }
    for (int off = 0; off < idat.length || off == 0; off += IDAT_MAX) {
      int len = Math.min(IDAT_MAX, idat.length - off);
      PngChunks.write(out, "IDAT", idat, off, len);
      if (len == 0) {
        break;
      }
    }
    PngChunks.write(out, "IEND", new byte[0]);
  }

  /** The image as written (its palette order) and its zlib stream. */
  private record Encoded(IndexedImage image, byte[] zlib) {}

  /**
   * Every palette order and candidate, the smallest stream kept; then zopfli on it if asked.
   * With more than one candidate they are ranked at {@link #SCREENING_LEVEL} (on a sample of
   * rows when {@link PngOptions#screeningBytes()} is set) and only the winner is compressed at
   * the configured level: the ranking rarely changes between levels.
   */
  private static Encoded compress(IndexedImage image, PngOptions options) {
    int n = image.palette().size();
    List<int[]> orders = new ArrayList<>();
    orders.add(null); // the palette as given
    if (options.tryChainedPalette() && n > 2) {
      orders.add(PaletteOrder.chainOrder(image.palette()));
    }
    int depth = bitDepth(n);
    int[] bestOrder = null;
    PngOptions.Candidate bestCandidate = options.candidates().get(0);
    if (orders.size() * options.candidates().size() > 1) {
      int bestSize = Integer.MAX_VALUE;
      int[] rows = sampleRows(image, options.screeningBytes());
      for (int[] order : orders) {
        byte[][] packed = packRows(image, depth, newIndexOf(order, n), withPredecessors(rows, image.height()));
        for (PngOptions.Candidate c : options.candidates()) {
          byte[] filtered = filterRows(packed, c.filter(), rows);
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
    byte[][] packed = packRows(written, depth, null, null);
    byte[] filtered = filterRows(packed, bestCandidate.filter(), null);
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

  /** Rows per band of the screening sample: enough that the Up and Paeth filters see their context. */
  private static final int SAMPLE_BAND_ROWS = 16;

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

  /** Deflate level at which several candidates are compared. */
  static final int SCREENING_LEVEL = 5;

  private static byte[] header(int width, int height, int depth) {
    byte[] h = new byte[13];
    PngChunks.putInt(h, 0, width);
    PngChunks.putInt(h, 4, height);
    h[8] = (byte) depth;
    h[9] = 3; // colour type: palette
    return h; // compression 0, filter method 0, no interlace
  }

  private static byte[] plte(Palette palette) {
    byte[] p = new byte[palette.size() * 3];
    for (int i = 0; i < palette.size(); i++) {
      int c = palette.color(i);
      p[3 * i] = (byte) (c >>> 16);
      p[3 * i + 1] = (byte) (c >>> 8);
      p[3 * i + 2] = (byte) c;
    }
    return p;
  }

  private static byte[] trns(Palette palette) {
    int last = -1;
    for (int i = 0; i < palette.size(); i++) {
      if ((palette.color(i) >>> 24) != 0xFF) {
        last = i;
      }
    }
    byte[] t = new byte[last + 1];
    for (int i = 0; i <= last; i++) {
      t[i] = (byte) (palette.color(i) >>> 24);
    }
    return t;
  }

  /**
   * Rows of palette indices packed at {@code depth} bits, through {@code remap} (new index by old,
   * or null), only for the rows marked in {@code needed} (null: all; unmarked rows stay null).
   */
  private static byte[][] packRows(IndexedImage image, int depth, byte[] remap, boolean[] needed) {
    int w = image.width();
    int h = image.height();
    int rowBytes = (w * depth + 7) / 8;
    byte[][] rows = new byte[h][];
    ParallelChunks.forEach(h, 64, (c, from, to) -> {
      byte[] idx = new byte[w];
      for (int y = from; y < to; y++) {
        if (needed != null && !needed[y]) {
          continue;
        }
        image.copyRow(y, idx);
        if (remap != null) {
          for (int x = 0; x < w; x++) {
            idx[x] = remap[idx[x] & 0xFF];
          }
        }
        byte[] row = new byte[rowBytes];
        if (depth == 8) {
          System.arraycopy(idx, 0, row, 0, w);
        } else {
          int perByte = 8 / depth;
          for (int x = 0; x < w; x++) {
            int shift = 8 - depth * (x % perByte + 1);
            row[x / perByte] |= (byte) ((idx[x] & 0xFF) << shift);
          }
        }
        rows[y] = row;
      }
    });
    return rows;
  }

  /**
   * The filtered rows, each with its filter-type byte, of the rows listed in {@code which} (null:
   * all rows). A listed row is filtered against its real predecessor, so a sample's bytes are
   * exactly those the whole image would have there.
   */
  private static byte[] filterRows(byte[][] rows, PngFilter filter, int[] which) {
    int count = which == null ? rows.length : which.length;
    int rowBytes = rows[which == null ? 0 : which[0]].length;
    int stride = rowBytes + 1;
    byte[] out = new byte[count * stride];
    byte[] zero = new byte[rowBytes];
    ParallelChunks.forEach(count, 64, (c, from, to) -> {
      byte[] trial = filter == PngFilter.ADAPTIVE ? new byte[stride] : null;
      for (int i = from; i < to; i++) {
        int y = which == null ? i : which[i];
        byte[] prev = y == 0 ? zero : rows[y - 1];
        if (filter != PngFilter.ADAPTIVE) {
          PngFilter.apply(filter.ordinal(), rows[y], prev, 1, out, i * stride);
          continue;
        }
        long bestCost = Long.MAX_VALUE;
        for (int type = 0; type < 5; type++) {
          PngFilter.apply(type, rows[y], prev, 1, trial, 0);
          long cost = PngFilter.cost(trial, 1, rowBytes);
          if (cost < bestCost) {
            bestCost = cost;
            System.arraycopy(trial, 0, out, i * stride, stride);
          }
        }
      }
    });
    return out;
  }
}

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
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
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
    out.write(SIGNATURE);
    writeChunk(out, "IHDR", header(image.width(), image.height(), depth));
    writeChunk(out, "PLTE", plte(palette));
    byte[] trns = trns(palette);
    if (trns.length > 0) {
      writeChunk(out, "tRNS", trns);
    }
    for (int off = 0; off < idat.length || off == 0; off += IDAT_MAX) {
      int len = Math.min(IDAT_MAX, idat.length - off);
      writeChunk(out, "IDAT", idat, off, len);
      if (len == 0) {
        break;
      }
    }
    writeChunk(out, "IEND", new byte[0]);
  }

  /** The image as written (its palette order) and its zlib stream. */
  private record Encoded(IndexedImage image, byte[] zlib) {}

  /**
   * Every palette order and candidate, the smallest stream kept; then zopfli on it if asked.
   * With more than one candidate they are ranked at {@link #SCREENING_LEVEL} first and only the
   * winner is compressed at the configured level: the ranking rarely changes between levels,
   * and a level-9 pass per candidate would cost twenty times as much.
   */
  private static Encoded compress(IndexedImage image, PngOptions options) {
    List<IndexedImage> orders = new ArrayList<>();
    orders.add(image);
    if (options.tryChainedPalette() && image.palette().size() > 2) {
      orders.add(PaletteOrder.chained(image));
    }
    boolean screen = orders.size() * options.candidates().size() > 1;
    int firstLevel = screen ? Math.min(SCREENING_LEVEL, options.level()) : options.level();
    IndexedImage bestImage = null;
    byte[] bestFiltered = null;
    PngOptions.Candidate bestCandidate = null;
    int bestSize = Integer.MAX_VALUE;
    for (IndexedImage candidateImage : orders) {
      byte[][] packed = packRows(candidateImage, bitDepth(candidateImage.palette().size()));
      for (PngOptions.Candidate c : options.candidates()) {
        byte[] filtered = filterRows(packed, c.filter());
        int size = ParallelDeflate.compress(filtered, filtered.length, firstLevel, c.strategy()).length;
        if (size < bestSize) {
          bestSize = size;
          bestImage = candidateImage;
          bestFiltered = filtered;
          bestCandidate = c;
        }
      }
    }
    byte[] z = ParallelDeflate.compress(bestFiltered, bestFiltered.length, options.level(), bestCandidate.strategy());
    if (options.zopfliIterations() > 0) {
      byte[] zopfli = ZopfliPass.compress(bestFiltered, options.zopfliIterations());
      if (zopfli.length < z.length) {
        z = zopfli;
      }
    }
    return new Encoded(bestImage, z);
  }

  /** Deflate level at which several candidates are compared. */
  static final int SCREENING_LEVEL = 5;

  private static byte[] header(int width, int height, int depth) {
    byte[] h = new byte[13];
    putInt(h, 0, width);
    putInt(h, 4, height);
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

  private static byte[][] packRows(IndexedImage image, int depth) {
    int w = image.width();
    int h = image.height();
    int rowBytes = (w * depth + 7) / 8;
    byte[][] rows = new byte[h][rowBytes];
    ParallelChunks.forEach(h, 64, (c, from, to) -> {
      byte[] idx = new byte[w];
      for (int y = from; y < to; y++) {
        image.copyRow(y, idx);
        byte[] row = rows[y];
        if (depth == 8) {
          System.arraycopy(idx, 0, row, 0, w);
        } else {
          int perByte = 8 / depth;
          for (int x = 0; x < w; x++) {
            int shift = 8 - depth * (x % perByte + 1);
            row[x / perByte] |= (byte) ((idx[x] & 0xFF) << shift);
          }
        }
      }
    });
    return rows;
  }

  private static byte[] filterRows(byte[][] rows, PngFilter filter) {
    int h = rows.length;
    int rowBytes = rows[0].length;
    int stride = rowBytes + 1;
    byte[] out = new byte[h * stride];
    byte[] zero = new byte[rowBytes];
    ParallelChunks.forEach(h, 64, (c, from, to) -> {
      byte[] trial = filter == PngFilter.ADAPTIVE ? new byte[stride] : null;
      for (int y = from; y < to; y++) {
        byte[] prev = y == 0 ? zero : rows[y - 1];
        if (filter != PngFilter.ADAPTIVE) {
          PngFilter.apply(filter.ordinal(), rows[y], prev, 1, out, y * stride);
          continue;
        }
        long bestCost = Long.MAX_VALUE;
        for (int type = 0; type < 5; type++) {
          PngFilter.apply(type, rows[y], prev, 1, trial, 0);
          long cost = PngFilter.cost(trial, 1, rowBytes);
          if (cost < bestCost) {
            bestCost = cost;
            System.arraycopy(trial, 0, out, y * stride, stride);
          }
        }
      }
    });
    return out;
  }

  private static void writeChunk(OutputStream out, String type, byte[] data) throws IOException {
    writeChunk(out, type, data, 0, data.length);
  }

  private static void writeChunk(OutputStream out, String type, byte[] data, int off, int len) throws IOException {
    byte[] head = new byte[8];
    putInt(head, 0, len);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(t, 0, head, 4, 4);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data, off, len);
    byte[] tail = new byte[4];
    putInt(tail, 0, (int) crc.getValue());
    out.write(head);
    out.write(data, off, len);
    out.write(tail);
  }

  private static void putInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }
}

package dev.squish.io.encode;

import dev.squish.image.IndexedImage;
import dev.squish.image.Palette;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes an {@link IndexedImage} as a palette PNG (colour type 3) at the smallest bit depth that
 * holds its palette (1, 2, 4 or 8 bits), with a {@code tRNS} chunk cut after the last entry
 * that is not opaque, and only the ancillary chunks it is given (colour description before the
 * palette, metadata before the image data).
 *
 * <p>Written here rather than with ImageIO (which never lowers the bit depth, offers no filter
 * choice and reorders palettes with alpha) or pngj (unmaintained since 2014): the container is
 * five chunk types, while the choices that decide the file size (filters, deflate strategy, and
 * compressing on every core) are exactly what squish wants to control. The palette order is
 * kept as given. Thread-safe.
 */
final class IndexedPngEncoder {
  private static final int IDAT_MAX = 1 << 20;

  private IndexedPngEncoder() {}

  /** The smallest PNG bit depth that can index a palette of {@code size} entries. */
  static int bitDepth(int size) {
    return size <= 2 ? 1 : size <= 4 ? 2 : size <= 16 ? 4 : 8;
  }

  /** The PNG file as bytes. */
  static byte[] encode(IndexedImage image, PngOptions options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(image, out, options, List.of());
    } catch (IOException e) {
      throw new IllegalStateException("ByteArrayOutputStream cannot fail", e);
    }
    return out.toByteArray();
  }

  /**
   * Writes the PNG file to {@code out} (not closed). With {@link PngOptions#tryChainedPalette()}
   * the palette may be written in another order than {@code image}'s (the pixels are the same).
   */
  static void write(IndexedImage image, OutputStream out, PngOptions options, List<AncillaryChunk> chunks)
      throws IOException {
    PngCompression.Encoded best = PngCompression.compress(image, options);
    Palette palette = best.image().palette();
    int depth = bitDepth(palette.size());
    byte[] idat = best.zlib();
    out.write(PngChunks.SIGNATURE);
    PngChunks.write(out, "IHDR", header(image.width(), image.height(), depth));
    for (AncillaryChunk c : chunks) {
      if (AncillaryChunk.COLOUR.contains(c.type())) {
        PngChunks.write(out, c.type(), c.data());
      }
    }
    PngChunks.write(out, "PLTE", plte(palette));
    byte[] trns = trns(palette);
    if (trns.length > 0) {
      PngChunks.write(out, "tRNS", trns);
    }
    for (AncillaryChunk c : chunks) {
      if (!AncillaryChunk.COLOUR.contains(c.type())) {
        PngChunks.write(out, c.type(), c.data());
      }
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
}

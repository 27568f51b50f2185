package dev.squish.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the pixels of the committed test PNGs without any of squish's code, so that the tests of
 * squish-core can load real photographs: 8-bit grey, grey + alpha, RGB or RGBA, not interlaced.
 * Samples are taken as they are stored (grey 128 is 0xFF808080), as squish's decoder takes them.
 */
final class PngPixels {
  private PngPixels() {}

  static TestImages.Pixels read(byte[] png) {
    ByteBuffer b = ByteBuffer.wrap(png);
    b.position(8);
    int width = 0;
    int height = 0;
    int channels = 0;
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    while (b.remaining() >= 12) {
      int length = b.getInt();
      String type = new String(png, b.position(), 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      b.position(b.position() + 4);
      if (type.equals("IHDR")) {
        width = b.getInt(b.position());
        height = b.getInt(b.position() + 4);
        int depth = png[b.position() + 8];
        int colorType = png[b.position() + 9];
        int interlace = png[b.position() + 12];
        channels = switch (colorType) {
          case 0 -> 1;
          case 2 -> 3;
          case 4 -> 2;
          case 6 -> 4;
          default -> 0;
        };
        if (depth != 8 || channels == 0 || interlace != 0) {
          throw new IllegalArgumentException("test PNGs are 8-bit grey, RGB or with alpha, not interlaced");
        }
      } else if (type.equals("IDAT")) {
        idat.write(png, b.position(), length);
      }
      b.position(b.position() + length + 4);
    }
    byte[] raw = inflate(idat.toByteArray(), height * (1 + width * channels));
    return new TestImages.Pixels(width, height, toArgb(unfilter(raw, width, height, channels), width, height,
        channels));
  }

  private static byte[] inflate(byte[] z, int size) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(z);
      byte[] out = new byte[size];
      int n = 0;
      while (n < size && !inflater.finished()) {
        n += inflater.inflate(out, n, size - n);
      }
      return out;
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("bad test PNG", e);
    } finally {
      inflater.end();
    }
  }

  /** Undoes the row filters (PNG section 9) in place; returns the rows without their filter bytes. */
  private static byte[] unfilter(byte[] raw, int width, int height, int bpp) {
    int stride = width * bpp;
    byte[] out = new byte[height * stride];
    for (int y = 0; y < height; y++) {
      int filter = raw[y * (stride + 1)];
      int in = y * (stride + 1) + 1;
      int o = y * stride;
      for (int x = 0; x < stride; x++) {
        int a = x >= bpp ? out[o + x - bpp] & 0xFF : 0;
        int up = y > 0 ? out[o - stride + x] & 0xFF : 0;
        int c = x >= bpp && y > 0 ? out[o - stride + x - bpp] & 0xFF : 0;
        int predictor = switch (filter) {
          case 0 -> 0;
          case 1 -> a;
          case 2 -> up;
          case 3 -> (a + up) >>> 1;
          default -> paeth(a, up, c);
        };
        out[o + x] = (byte) (raw[in + x] + predictor);
      }
    }
    return out;
  }

  private static int paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = Math.abs(p - a);
    int pb = Math.abs(p - b);
    int pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  }

  private static int[] toArgb(byte[] samples, int width, int height, int channels) {
    int[] argb = new int[width * height];
    for (int i = 0; i < argb.length; i++) {
      int s = i * channels;
      int r = samples[s] & 0xFF;
      int g = channels >= 3 ? samples[s + 1] & 0xFF : r;
      int bl = channels >= 3 ? samples[s + 2] & 0xFF : r;
      int alpha = channels == 2 ? samples[s + 1] & 0xFF : channels == 4 ? samples[s + 3] & 0xFF : 0xFF;
      argb[i] = alpha << 24 | r << 16 | g << 8 | bl;
    }
    return argb;
  }
}

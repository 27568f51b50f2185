package dev.squish.web;

import dev.squish.image.RgbaImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * The decoded original as a truecolour PNG for the browser, so the page shows exactly the pixels
 * squish compressed (after EXIF rotation, 16-bit rounding and without the colour management a
 * browser would apply to the uploaded file). Written for speed, not size: no filter, deflate
 * level 1, since it only travels over the loopback interface.
 */
final class TruecolorPng {
  private TruecolorPng() {}

  static byte[] encode(RgbaImage image) {
    boolean alpha = image.usesAlpha();
    int w = image.width();
    int h = image.height();
    int channels = alpha ? 4 : 3;
    ByteArrayOutputStream zlib = new ByteArrayOutputStream(w * h);
    Deflater deflater = new Deflater(1);
    try (DeflaterOutputStream z = new DeflaterOutputStream(zlib, deflater, 1 << 16)) {
      int[] argb = new int[w];
      byte[] row = new byte[1 + w * channels];
      for (int y = 0; y < h; y++) {
        image.copyPixels(y * w, argb, w);
        int o = 1; // row[0] = 0: filter type None
        for (int x = 0; x < w; x++) {
          int p = argb[x];
          row[o++] = (byte) (p >>> 16);
          row[o++] = (byte) (p >>> 8);
          row[o++] = (byte) p;
          if (alpha) {
            row[o++] = (byte) (p >>> 24);
          }
        }
        z.write(row);
      }
    } catch (IOException e) {
      throw new IllegalStateException("in-memory streams cannot fail", e);
    } finally {
      deflater.end();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream(zlib.size() + 64);
    try {
      png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
      byte[] ihdr = new byte[13];
      putInt(ihdr, 0, w);
      putInt(ihdr, 4, h);
      ihdr[8] = 8;
      ihdr[9] = (byte) (alpha ? 6 : 2);
      chunk(png, "IHDR", ihdr);
      chunk(png, "IDAT", zlib.toByteArray());
      chunk(png, "IEND", new byte[0]);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory streams cannot fail", e);
    }
    return png.toByteArray();
  }

  private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
    byte[] len = new byte[4];
    putInt(len, 0, data.length);
    out.write(len);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.write(t);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    byte[] c = new byte[4];
    putInt(c, 0, (int) crc.getValue());
    out.write(c);
  }

  private static void putInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }
}

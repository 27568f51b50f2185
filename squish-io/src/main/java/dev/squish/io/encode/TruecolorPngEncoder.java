package dev.squish.io.encode;

import dev.squish.image.RgbaImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Decoded pixels as a truecolour PNG, for showing exactly the pixels squish compressed (after EXIF
 * rotation, 16-bit rounding and without the colour management a browser would apply to the
 * original file). Written for speed, not size: no filter, deflate level 1 (the web page sends it
 * over the loopback interface only).
 */
public final class TruecolorPngEncoder {
  private TruecolorPngEncoder() {}

  /** {@code image} as an 8-bit RGB PNG, or RGBA when it uses transparency. */
  public static byte[] encode(RgbaImage image) {
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
      png.write(PngChunks.SIGNATURE);
      byte[] ihdr = new byte[13];
      PngChunks.putInt(ihdr, 0, w);
      PngChunks.putInt(ihdr, 4, h);
      ihdr[8] = 8;
      ihdr[9] = (byte) (alpha ? 6 : 2);
      PngChunks.write(png, "IHDR", ihdr);
      PngChunks.write(png, "IDAT", zlib.toByteArray());
      PngChunks.write(png, "IEND", new byte[0]);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory streams cannot fail", e);
    }
    return png.toByteArray();
  }
}

package dev.squish.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes test PNGs (RGB 8-bit, or grey 8 or 16-bit) with whatever colour or metadata chunks a test
 * puts before the image data.
 */
public final class TaggedPng {
  private TaggedPng() {}

  /** An 8-bit RGB PNG of {@code rgb} (0xRRGGBB per pixel) with {@code chunks} (type, data, type, data, ...). */
  public static byte[] rgb(int w, int h, int[] rgb, Object... chunks) {
    byte[] raw = new byte[h * (1 + 3 * w)];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int c = rgb[y * w + x];
        int p = y * (1 + 3 * w) + 1 + 3 * x;
        raw[p] = (byte) (c >> 16);
        raw[p + 1] = (byte) (c >> 8);
        raw[p + 2] = (byte) c;
      }
    }
    return png(w, h, 8, 2, raw, chunks);
  }

  /** A 16-bit grey PNG of {@code grey} (0..65535 per pixel) with {@code chunks}. */
  public static byte[] grey16(int w, int h, int[] grey, Object... chunks) {
    byte[] raw = new byte[h * (1 + 2 * w)];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = y * (1 + 2 * w) + 1 + 2 * x;
        raw[p] = (byte) (grey[y * w + x] >> 8);
        raw[p + 1] = (byte) grey[y * w + x];
      }
    }
    return png(w, h, 16, 0, raw, chunks);
  }

  /** An 8-bit grey PNG of {@code grey} (0..255 per pixel) with {@code chunks}. */
  public static byte[] grey8(int w, int h, int[] grey, Object... chunks) {
    byte[] raw = new byte[h * (1 + w)];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        raw[y * (1 + w) + 1 + x] = (byte) grey[y * w + x];
      }
    }
    return png(w, h, 8, 0, raw, chunks);
  }

  /** The data of an iCCP chunk holding {@code profile}. */
  public static byte[] iccp(byte[] profile) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("test\0\0".getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(deflate(profile));
    return out.toByteArray();
  }

  /** The data of a gAMA chunk for {@code gamma} (0.45455 for sRGB-like files). */
  public static byte[] gama(double gamma) {
    byte[] b = new byte[4];
    put(b, 0, (int) Math.round(gamma * 100000));
    return b;
  }

  private static byte[] png(int w, int h, int depth, int colourType, byte[] raw, Object... chunks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
    byte[] ihdr = new byte[13];
    put(ihdr, 0, w);
    put(ihdr, 4, h);
    ihdr[8] = (byte) depth;
    ihdr[9] = (byte) colourType;
    chunk(out, "IHDR", ihdr);
    for (int i = 0; i < chunks.length; i += 2) {
      chunk(out, (String) chunks[i], (byte[]) chunks[i + 1]);
    }
    chunk(out, "IDAT", deflate(raw));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] data) {
    Deflater d = new Deflater();
    d.setInput(data);
    d.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    while (!d.finished()) {
      out.write(buf, 0, d.deflate(buf));
    }
    d.end();
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] len = new byte[4];
    put(len, 0, data.length);
    out.writeBytes(len);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    byte[] c = new byte[4];
    put(c, 0, (int) crc.getValue());
    out.writeBytes(c);
  }

  private static void put(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }
}

package dev.squish.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Compression bombs in every format squish reads: small files that declare, or decompress to, huge
 * images or huge ancillary data. They are made here rather than stored (a deflate stream of zeros
 * is 1/1000 of its size, so the larger ones would be hundreds of KB of nothing); {@code
 * bad/README.md} lists each with what it declares.
 */
public final class Bombs {
  private Bombs() {}

  /** Every bomb by file name, in the order of the README's table. */
  public static Map<String, byte[]> all() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put("png-idat-bomb.png", pngIdatBomb());
    m.put("png-huge-dimensions.png", png(1 << 30, 4, 0, 8, zlib(new byte[64])));
    m.put("png-ztxt-bomb.png", withChunk("zTXt", latin("Comment\0\0"), 300 << 20));
    m.put("png-iccp-bomb.png", withChunk("iCCP", latin("ICC profile\0\0"), 300 << 20));
    m.put("gif-frame-bomb.gif", gif(1, 1, 1, 0xFFFF, 0xFFFF));
    m.put("gif-lzw-bomb.gif", gif(1000, 1000, 120, 1000, 1000));
    m.put("gif-many-frames.gif", gif(2, 2, 12_000, 2, 2));
    m.put("tiff-strip-bomb.tif", tiffStripBomb());
    m.put("tiff-huge-strip.tif", tiffHugeStrip());
    m.put("webp-canvas-bomb.webp", webpCanvas(16384, 16384));
    m.put("jpeg-sof-bomb.jpg", jpegSof(65500, 65500));
    m.put("jpeg-sof-no-data.jpg", jpegSof(9000, 9000));
    return m;
  }

  /** 10000 × 10000 1-bit grey (10^8 pixels, the default limit) whose IDAT is 12.5 MB of zeros deflated. */
  static byte[] pngIdatBomb() {
    int w = 10_000;
    int h = 10_000;
    int row = 1 + (w + 7) / 8;
    Deflater d = new Deflater(9);
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    byte[] zeros = new byte[row * 100];
    byte[] buf = new byte[1 << 16];
    for (int y = 0; y < h; y += 100) {
      d.setInput(zeros);
      while (!d.needsInput()) {
        z.write(buf, 0, d.deflate(buf));
      }
    }
    d.finish();
    while (!d.finished()) {
      z.write(buf, 0, d.deflate(buf));
    }
    d.end();
    return png(w, h, 0, 1, z.toByteArray());
  }

  /** A 1 × 1 grey PNG with an ancillary chunk whose deflated tail inflates to {@code inflated} zero bytes. */
  static byte[] withChunk(String type, byte[] head, int inflated) {
    byte[] body = concat(head, zlibZeros(inflated));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    chunk(out, "IHDR", ihdr(1, 1, 0, 8));
    chunk(out, type, body);
    chunk(out, "IDAT", zlib(new byte[2]));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  static byte[] png(int w, int h, int colourType, int depth, byte[] idat) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    chunk(out, "IHDR", ihdr(w, h, colourType, depth));
    chunk(out, "IDAT", idat);
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  /**
   * A GIF of {@code frames} frames of {@code fw × fh} on a {@code w × h} screen; each frame's LZW
   * data is a clear code and end code only, so the file stays small whatever it declares.
   */
  static byte[] gif(int w, int h, int frames, int fw, int fh) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(latin("GIF89a"));
    le16(out, w);
    le16(out, h);
    out.writeBytes(new byte[] {(byte) 0x80, 0, 0}); // a global table of 2 colours
    out.writeBytes(new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
    for (int f = 0; f < frames; f++) {
      out.writeBytes(new byte[] {0x21, (byte) 0xF9, 4, 0, 1, 0, 0, 0}); // 1 cs a frame
      out.write(0x2C);
      le16(out, 0);
      le16(out, 0);
      le16(out, fw);
      le16(out, fh);
      out.write(0);
      out.write(2); // LZW minimum code size
      out.writeBytes(new byte[] {2, 0x44, 0x01, 0}); // clear (4), then a run of code 0, end (5)
    }
    out.write(0x3B);
    return out.toByteArray();
  }

  /** A 8000 × 8000 bilevel TIFF whose one Deflate strip holds 8 MB of zeros: 64 megapixels to decode. */
  static byte[] tiffStripBomb() {
    int w = 8000;
    int h = 8000;
    byte[] strip = zlibZeros(w / 8 * h);
    return tiff(w, h, 1, 8, strip, strip.length);
  }

  /** A 16 × 16 grey TIFF whose strip byte count says 4 GB. */
  static byte[] tiffHugeStrip() {
    return tiff(16, 16, 8, 1, new byte[256], 0xFFFFFFF0L);
  }

  private static byte[] tiff(int w, int h, int bits, int compression, byte[] strip, long declared) {
    int entries = 9;
    int ifd = 8;
    int data = ifd + 2 + entries * 12 + 4;
    ByteBuffer b = ByteBuffer.allocate(data + strip.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd);
    b.putShort((short) entries);
    entry(b, 256, 4, w); // width
    entry(b, 257, 4, h); // height
    entry(b, 258, 3, bits); // bits per sample
    entry(b, 259, 3, compression); // 1 none, 8 Deflate
    entry(b, 262, 3, 1); // black is zero
    entry(b, 273, 4, data); // strip offset
    entry(b, 277, 3, 1); // samples per pixel
    entry(b, 278, 4, h); // rows per strip: one strip
    entry(b, 279, 4, (int) declared); // strip byte count
    b.putInt(0);
    b.put(strip);
    return b.array();
  }

  private static void entry(ByteBuffer b, int tag, int type, int value) {
    b.putShort((short) tag).putShort((short) type).putInt(1);
    if (type == 3) {
      b.putShort((short) value).putShort((short) 0);
    } else {
      b.putInt(value);
    }
  }

  /** An extended WebP (VP8X) declaring a {@code w × h} canvas, with a 1 × 1 lossless image in it. */
  static byte[] webpCanvas(int w, int h) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(latin("WEBP"));
    body.writeBytes(latin("VP8X"));
    le32(body, 10);
    body.writeBytes(new byte[] {0, 0, 0, 0});
    le24(body, w - 1);
    le24(body, h - 1);
    // VP8L: signature 0x2F, 14-bit width-1 and height-1 (0: 1 × 1), alpha 0, version 0, then a tiny stream
    byte[] vp8l = {0x2F, 0, 0, 0, 0, 0x07, 0x10, 0x11, 0x00};
    body.writeBytes(latin("VP8L"));
    le32(body, vp8l.length);
    body.writeBytes(vp8l);
    body.write(0); // pad to even
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(latin("RIFF"));
    le32(out, body.size());
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  /** A baseline JPEG whose SOF0 declares {@code w × h} grey pixels, with tables and no scan data. */
  static byte[] jpegSof(int w, int h) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDB, 0, 67, 0});
    for (int i = 0; i < 64; i++) {
      out.write(1);
    }
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC0, 0, 11, 8, (byte) (h >> 8), (byte) h, (byte) (w >> 8),
        (byte) w, 1, 1, 0x11, 0});
    // a DC and an AC Huffman table of one code each, a scan header, then EOI at once
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC4, 0, 20, 0x00, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC4, 0, 20, 0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 63, 0});
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
    return out.toByteArray();
  }

  private static byte[] ihdr(int w, int h, int colourType, int depth) {
    return ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) depth).put((byte) colourType).put((byte) 0)
        .put((byte) 0).put((byte) 0).array();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] t = latin(type);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  static byte[] zlib(byte[] raw) {
    Deflater d = new Deflater(9);
    d.setInput(raw);
    d.finish();
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    while (!d.finished()) {
      z.write(buf, 0, d.deflate(buf));
    }
    d.end();
    return z.toByteArray();
  }

  /** {@code n} zero bytes deflated, fed in pieces so that making it takes no memory of its size. */
  static byte[] zlibZeros(int n) {
    Deflater d = new Deflater(9);
    ByteArrayOutputStream z = new ByteArrayOutputStream();
    byte[] zeros = new byte[1 << 20];
    byte[] buf = new byte[1 << 16];
    for (int left = n; left > 0; left -= zeros.length) {
      d.setInput(zeros, 0, Math.min(left, zeros.length));
      while (!d.needsInput()) {
        z.write(buf, 0, d.deflate(buf));
      }
    }
    d.finish();
    while (!d.finished()) {
      z.write(buf, 0, d.deflate(buf));
    }
    d.end();
    return z.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static byte[] latin(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void le16(ByteArrayOutputStream o, int v) {
    o.write(v);
    o.write(v >> 8);
  }

  private static void le24(ByteArrayOutputStream o, int v) {
    le16(o, v);
    o.write(v >> 16);
  }

  private static void le32(ByteArrayOutputStream o, int v) {
    le24(o, v);
    o.write(v >> 24);
  }
}

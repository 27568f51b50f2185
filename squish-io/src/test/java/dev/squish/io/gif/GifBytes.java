package dev.squish.io.gif;

import java.io.ByteArrayOutputStream;

/** Builds GIF files block by block for tests, with whatever offsets, disposals and tables a case needs. */
final class GifBytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** A GIF89a header with a screen of {@code w × h} and a global table of {@code rgb} colours (may be null). */
  GifBytes(int w, int h, int... rgb) {
    out.writeBytes(new byte[] {'G', 'I', 'F', '8', '9', 'a'});
    u16(w);
    u16(h);
    if (rgb.length == 0) {
      out.write(0);
      out.write(0);
      out.write(0);
    } else {
      out.write(0xF0 | (bits(rgb.length) - 1));
      out.write(0);
      out.write(0);
      table(rgb);
    }
  }

  GifBytes loop(int count) {
    out.writeBytes(new byte[] {0x21, (byte) 0xFF, 11, 'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0', 3, 1});
    u16(count);
    out.write(0);
    return this;
  }

  /** A graphic control extension: disposal 0-3, delay in cs, transparent index or -1. */
  GifBytes control(int disposal, int delay, int transparent) {
    out.writeBytes(new byte[] {0x21, (byte) 0xF9, 4, (byte) (disposal << 2 | (transparent >= 0 ? 1 : 0))});
    u16(delay);
    out.write(Math.max(0, transparent));
    out.write(0);
    return this;
  }

  /** A frame of indices in stored order (rows in interlaced order when {@code interlaced}). */
  GifBytes frame(int left, int top, int w, int h, boolean interlaced, int[] local, int... indices) {
    out.write(0x2C);
    u16(left);
    u16(top);
    u16(w);
    u16(h);
    int flags = interlaced ? 0x40 : 0;
    if (local != null) {
      flags |= 0x80 | (bits(local.length) - 1);
    }
    out.write(flags);
    if (local != null) {
      table(local);
    }
    byte[] px = new byte[indices.length];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) indices[i];
    }
    out.write(8);
    out.writeBytes(GifLzw.encode(px, 8));
    return this;
  }

  GifBytes frame(int left, int top, int w, int h, int... indices) {
    return frame(left, top, w, h, false, null, indices);
  }

  GifBytes end() {
    out.write(0x3B);
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  int size() {
    return out.size();
  }

  private void table(int[] rgb) {
    int n = 1 << bits(rgb.length);
    for (int i = 0; i < n; i++) {
      int c = i < rgb.length ? rgb[i] : 0;
      out.write(c >>> 16 & 0xff);
      out.write(c >>> 8 & 0xff);
      out.write(c & 0xff);
    }
  }

  private static int bits(int n) {
    int b = 1;
    while (1 << b < n) {
      b++;
    }
    return b;
  }

  private void u16(int v) {
    out.write(v & 0xff);
    out.write(v >>> 8 & 0xff);
  }

  static int[] fill(int n, int value) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, value);
    return a;
  }
}

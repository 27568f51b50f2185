package dev.squish.io.gif;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * GIF's variable-length LZW (codes of 3 to 12 bits, least significant bit first, a clear code
 * when the table is full), both ways. Written from the GIF89a specification, appendix F.
 */
final class GifLzw {
  static final int MAX_CODES = 4096;

  private GifLzw() {}

  /**
   * Decodes {@code data} (sub-blocks already joined) into {@code out[0..count)}, or only counts
   * the pixels when {@code out} is null.
   *
   * @return the pixels the data gave, at most {@code count}: fewer when the data end early or are
   *     corrupt (a code that is not yet in the table), which a browser shows as far as it got
   */
  static int decode(byte[] data, int minCodeSize, byte[] out, int count) {
    int clear = 1 << minCodeSize;
    int end = clear + 1;
    short[] prefix = new short[MAX_CODES];
    byte[] suffix = new byte[MAX_CODES];
    byte[] first = new byte[MAX_CODES];
    byte[] stack = new byte[MAX_CODES + 1];
    for (int i = 0; i < clear; i++) {
      prefix[i] = -1;
      suffix[i] = (byte) i;
      first[i] = (byte) i;
    }
    int codeSize = minCodeSize + 1;
    int next = clear + 2;
    int old = -1;
    int n = 0;
    long bits = 0;
    int held = 0;
    int pos = 0;
    while (n < count) {
      while (held < codeSize && pos < data.length) {
        bits |= (long) (data[pos++] & 0xff) << held;
        held += 8;
      }
      if (held < codeSize) {
        break; // the data end before the end code
      }
      int code = (int) (bits & ((1 << codeSize) - 1));
      bits >>>= codeSize;
      held -= codeSize;
      if (code == clear) {
        codeSize = minCodeSize + 1;
        next = clear + 2;
        old = -1;
        continue;
      }
      if (code == end) {
        break;
      }
      if (old < 0) {
        if (code >= clear) {
          break; // corrupt: the first code after a clear must be a colour
        }
        n = put(out, n, count, (byte) code);
        old = code;
        continue;
      }
      int top = 0;
      int walk;
      byte head;
      if (code < next) {
        walk = code;
        head = first[code];
      } else if (code == next && next < MAX_CODES) {
        stack[top++] = first[old];
        walk = old;
        head = first[old];
      } else {
        break; // corrupt: a code the table does not hold yet
      }
      while (walk >= 0) {
        stack[top++] = suffix[walk];
        walk = prefix[walk];
      }
      while (top > 0 && n < count) {
        n = put(out, n, count, stack[--top]);
      }
      if (next < MAX_CODES) {
        prefix[next] = (short) old;
        suffix[next] = head;
        first[next] = first[old];
        next++;
        if (next == 1 << codeSize && codeSize < 12) {
          codeSize++;
        }
      }
      old = code;
    }
    return n;
  }

  private static int put(byte[] out, int n, int count, byte value) {
    if (out != null && n < count) {
      out[n] = value;
    }
    return n + 1;
  }

  /**
   * {@return {@code pixels} LZW-coded with {@code minCodeSize}, cut into sub-blocks of at most 255
   * bytes and closed by the empty block}: the bytes that follow the code size in a GIF image.
   */
  static byte[] encode(byte[] pixels, int minCodeSize) {
    BitSink sink = new BitSink();
    int clear = 1 << minCodeSize;
    int end = clear + 1;
    // open addressing on (prefix code << 8 | pixel) -> code; 2^13 slots keep 4096 entries at half load
    int[] keys = new int[1 << 13];
    short[] codes = new short[keys.length];
    int mask = keys.length - 1;
    Arrays.fill(keys, -1);
    int codeSize = minCodeSize + 1;
    int next = clear + 2;
    sink.write(clear, codeSize);
    if (pixels.length == 0) {
      sink.write(end, codeSize);
      return sink.finish();
    }
    int prefix = pixels[0] & 0xff;
    for (int i = 1; i < pixels.length; i++) {
      int p = pixels[i] & 0xff;
      int key = prefix << 8 | p;
      int slot = (key * 0x9E3779B1 >>> 19) & mask;
      while (keys[slot] != -1 && keys[slot] != key) {
        slot = (slot + 1) & mask;
      }
      if (keys[slot] == key) {
        prefix = codes[slot];
        continue;
      }
      sink.write(prefix, codeSize);
      if (next >= 1 << codeSize && codeSize < 12) {
        codeSize++; // the decoder widens its codes when its table (one entry behind ours) reaches this size
      }
      if (next < MAX_CODES) {
        keys[slot] = key;
        codes[slot] = (short) next++;
      } else {
        sink.write(clear, codeSize);
        Arrays.fill(keys, -1);
        codeSize = minCodeSize + 1;
        next = clear + 2;
      }
      prefix = p;
    }
    sink.write(prefix, codeSize);
    if (next >= 1 << codeSize && codeSize < 12) {
      codeSize++;
    }
    sink.write(end, codeSize);
    return sink.finish();
  }

  /** Codes packed least significant bit first into sub-blocks of 255 bytes. */
  private static final class BitSink {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final byte[] block = new byte[255];
    private int fill;
    private long bits;
    private int held;

    void write(int code, int size) {
      bits |= (long) code << held;
      held += size;
      while (held >= 8) {
        put((byte) bits);
        bits >>>= 8;
        held -= 8;
      }
    }

    private void put(byte b) {
      block[fill++] = b;
      if (fill == block.length) {
        out.write(fill);
        out.write(block, 0, fill);
        fill = 0;
      }
    }

    byte[] finish() {
      if (held > 0) {
        put((byte) bits);
        held = 0;
      }
      if (fill > 0) {
        out.write(fill);
        out.write(block, 0, fill);
      }
      out.write(0);
      return out.toByteArray();
    }
  }
}

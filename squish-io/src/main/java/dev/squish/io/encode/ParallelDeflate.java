package dev.squish.io.encode;

import java.io.ByteArrayOutputStream;
import java.util.stream.IntStream;
import java.util.zip.Adler32;
import java.util.zip.Deflater;

/**
 * zlib compression on all cores, in the manner of pigz: the input is cut into fixed blocks,
 * each block is deflated on its own with the previous 32 KiB of input as preset dictionary (so
 * matches across the cut are not lost) and ended with a sync flush, and the raw deflate
 * streams are joined behind one zlib header and one Adler-32. The result is one valid zlib
 * stream, a few bytes per block larger than a single-threaded one, and identical on any number
 * of cores because the cut points depend only on the input length.
 */
final class ParallelDeflate {
  /** Largest block: big enough that the per-block overhead is negligible. */
  static final int BLOCK = 1 << 20;
  /** Smallest block: a small image is still cut in a few, so that it too is deflated on all cores. */
  static final int MIN_BLOCK = 1 << 17;
  /** Blocks a stream of up to 8 MiB is cut into. */
  private static final int BLOCKS = 8;
  private static final int WINDOW = 32 * 1024;

  private ParallelDeflate() {}

  /** The zlib stream of {@code data[0..length)}. */
  static byte[] compress(byte[] data, int length, int level, int strategy) {
    int block = blockSize(length);
    int blocks = Math.max(1, (int) (((long) length + block - 1) / block));
    byte[][] parts = new byte[blocks][];
    IntStream.range(0, blocks).parallel().forEach(b -> {
      int from = b * block;
      parts[b] = deflateBlock(data, from, Math.min(block, length - from), level, strategy, b == blocks - 1);
    });
    ByteArrayOutputStream out = new ByteArrayOutputStream(totalLength(parts) + 6);
    out.write(0x78);
    out.write(headerFlags(level));
    for (byte[] p : parts) {
      out.write(p, 0, p.length);
    }
    Adler32 adler = new Adler32();
    adler.update(data, 0, length);
    long a = adler.getValue();
    out.write((int) (a >>> 24));
    out.write((int) (a >>> 16));
    out.write((int) (a >>> 8));
    out.write((int) a);
    return out.toByteArray();
  }

  /** The block size for {@code length} bytes: from the length alone, so the stream is the same on any machine. */
  static int blockSize(int length) {
    return Math.max(MIN_BLOCK, Math.min(BLOCK, (length + BLOCKS - 1) / BLOCKS));
  }

  private static byte[] deflateBlock(byte[] data, int from, int length, int level, int strategy, boolean last) {
    Deflater deflater = new Deflater(level, true);
    try {
      deflater.setStrategy(strategy);
      if (from > 0) {
        int dict = Math.min(WINDOW, from);
        deflater.setDictionary(data, from - dict, dict);
      }
      deflater.setInput(data, from, length);
      ByteArrayOutputStream out = new ByteArrayOutputStream(length / 2 + 64);
      byte[] buf = new byte[64 * 1024];
      if (last) {
        deflater.finish();
        while (!deflater.finished()) {
          int n = deflater.deflate(buf, 0, buf.length);
          out.write(buf, 0, n);
        }
      } else {
        // consume all input first: a deflate call right after a parameter change (the strategy)
        // may return before taking all of it, and a sync flush only empties what was taken
        while (!deflater.needsInput()) {
          int n = deflater.deflate(buf, 0, buf.length, Deflater.NO_FLUSH);
          out.write(buf, 0, n);
        }
        int n;
        do {
          n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
          out.write(buf, 0, n);
        } while (n == buf.length);
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** Second zlib header byte: the compression level hint plus the check bits (RFC 1950). */
  private static int headerFlags(int level) {
    int flevel = level <= 1 ? 0 : level <= 5 ? 1 : level == 6 ? 2 : 3;
    int flg = flevel << 6;
    int check = (0x78 * 256 + flg) % 31;
    return check == 0 ? flg : flg + 31 - check;
  }

  private static int totalLength(byte[][] parts) {
    long n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    return (int) Math.min(n, Integer.MAX_VALUE - 16);
  }
}

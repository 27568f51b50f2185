package dev.squish.io.encode;

/**
 * PNG row filters (PNG specification, section 9). {@link #ADAPTIVE} picks a filter per row with
 * the minimum-sum-of-absolute-differences heuristic of libpng.
 */
public enum PngFilter {
  NONE,
  SUB,
  UP,
  AVERAGE,
  PAETH,
  ADAPTIVE;

  /**
   * Filters {@code row} (its previous row {@code prev}, all zero for the first) into {@code out[1..]} with its type
   * byte.
   */
  static void apply(int type, byte[] row, byte[] prev, int bpp, byte[] out, int outOffset) {
    int n = row.length;
    out[outOffset] = (byte) type;
    int o = outOffset + 1;
    switch (type) {
      case 0 -> System.arraycopy(row, 0, out, o, n);
      case 1 -> {
        for (int i = 0; i < n; i++) {
          int left = i >= bpp ? row[i - bpp] & 0xFF : 0;
          out[o + i] = (byte) (row[i] - left);
        }
      }
      case 2 -> {
        for (int i = 0; i < n; i++) {
          out[o + i] = (byte) (row[i] - prev[i]);
        }
      }
      case 3 -> {
        for (int i = 0; i < n; i++) {
          int left = i >= bpp ? row[i - bpp] & 0xFF : 0;
          out[o + i] = (byte) (row[i] - ((left + (prev[i] & 0xFF)) >>> 1));
        }
      }
      default -> {
        for (int i = 0; i < n; i++) {
          int a = i >= bpp ? row[i - bpp] & 0xFF : 0;
          int b = prev[i] & 0xFF;
          int c = i >= bpp ? prev[i - bpp] & 0xFF : 0;
          out[o + i] = (byte) (row[i] - paeth(a, b, c));
        }
      }
    }
  }

  private static int paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = Math.abs(p - a);
    int pb = Math.abs(p - b);
    int pc = Math.abs(p - c);
    if (pa <= pb && pa <= pc) {
      return a;
    }
    return pb <= pc ? b : c;
  }

  /** libpng's heuristic cost of a filtered row: bytes read as signed, absolute values summed. */
  static long cost(byte[] filtered, int from, int length) {
    long s = 0;
    for (int i = from; i < from + length; i++) {
      s += Math.abs((int) filtered[i]);
    }
    return s;
  }
}

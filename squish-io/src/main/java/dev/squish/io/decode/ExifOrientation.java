package dev.squish.io.decode;

/**
 * Reads the EXIF orientation tag (0x0112) of a JPEG and applies it to pixels, so that a phone
 * photo taken upright comes out upright. Only the first APP1 "Exif" segment and its IFD0 are
 * read; anything malformed means "no orientation" (1), never an error: a broken EXIF block
 * should not cost the user the picture.
 */
final class ExifOrientation {
  private ExifOrientation() {}

  /** The orientation 1..8 stored in {@code jpeg}, or 1 when there is none. */
  static int of(byte[] jpeg, int length) {
    try {
      int pos = 2;
      while (pos + 4 <= length) {
        if ((jpeg[pos] & 0xFF) != 0xFF) {
          return 1;
        }
        int marker = jpeg[pos + 1] & 0xFF;
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
          pos += 2;
          continue;
        }
        if (marker == 0xDA || marker == 0xD9) {
          return 1; // start of scan: no EXIF before the image data
        }
        int segLength = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
        if (marker == 0xE1 && segLength >= 16 && pos + 2 + segLength <= length && isExif(jpeg, pos + 4)) {
          return fromTiff(jpeg, pos + 10, pos + 2 + segLength);
        }
        pos += 2 + segLength;
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      return 1;
    }
    return 1;
  }

  /**
   * A copy of the EXIF block {@code tiff} (TIFF data, from its "II" or "MM") that says orientation
   * 1, for an image whose orientation has been applied: a viewer must not turn it again.
   */
  static byte[] upright(byte[] tiff) {
    byte[] copy = tiff.clone();
    int entry = orientationEntry(copy, 0, copy.length);
    if (entry >= 0) {
      boolean little = copy[0] == 'I';
      copy[entry + 8] = (byte) (little ? 1 : 0);
      copy[entry + 9] = (byte) (little ? 0 : 1);
    }
    return copy;
  }

  /** Where the orientation entry of IFD0 starts in {@code b}, or -1. */
  private static int orientationEntry(byte[] b, int tiff, int end) {
    try {
      boolean little;
      if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
        little = true;
      } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
        little = false;
      } else {
        return -1;
      }
      long ifd = u32(b, tiff + 4, little);
      if (ifd < 8 || tiff + ifd + 2 > end) {
        return -1;
      }
      int p = (int) (tiff + ifd);
      int entries = u16(b, p, little);
      for (int e = 0; e < entries; e++) {
        int entry = p + 2 + 12 * e;
        if (entry + 12 > end) {
          return -1;
        }
        if (u16(b, entry, little) == 0x0112) {
          return entry;
        }
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      return -1;
    }
    return -1;
  }

  private static boolean isExif(byte[] b, int p) {
    return b[p] == 'E' && b[p + 1] == 'x' && b[p + 2] == 'i' && b[p + 3] == 'f' && b[p + 4] == 0 && b[p + 5] == 0;
  }

  private static int fromTiff(byte[] b, int tiff, int end) {
    int entry = orientationEntry(b, tiff, end);
    if (entry < 0) {
      return 1;
    }
    int value = u16(b, entry + 8, b[tiff] == 'I');
    return value >= 1 && value <= 8 ? value : 1;
  }

  static int u16(byte[] b, int p, boolean little) {
    return little ? (b[p] & 0xFF) | ((b[p + 1] & 0xFF) << 8) : ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
  }

  static long u32(byte[] b, int p, boolean little) {
    return little
        ? (u16(b, p, true) & 0xFFFFL) | ((long) u16(b, p + 2, true) << 16)
        : ((long) u16(b, p, false) << 16) | (u16(b, p + 2, false) & 0xFFFFL);
  }

  /** Width and height after applying {@code orientation}: swapped for 5..8. */
  static boolean swapsAxes(int orientation) {
    return orientation >= 5;
  }

  /**
   * The pixels of a {@code w×h} image turned upright: orientation 2 mirrors, 3 rotates 180°,
   * 4 flips vertically, 5 transposes, 6 rotates 90° clockwise, 7 transverses, 8 rotates 90°
   * counter-clockwise.
   */
  static int[] apply(int[] src, int w, int h, int orientation) {
    if (orientation <= 1) {
      return src;
    }
    int[] dst = new int[src.length];
    // every orientation is an optional transpose followed by optional flips of the output axes
    boolean transpose = swapsAxes(orientation);
    boolean flipX = orientation == 2 || orientation == 3 || orientation == 6 || orientation == 7;
    boolean flipY = orientation == 3 || orientation == 4 || orientation == 7 || orientation == 8;
    int outW = transpose ? h : w;
    int outH = transpose ? w : h;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int tx = transpose ? y : x;
        int ty = transpose ? x : y;
        int nx = flipX ? outW - 1 - tx : tx;
        int ny = flipY ? outH - 1 - ty : ty;
        dst[ny * outW + nx] = src[y * w + x];
      }
    }
    return dst;
  }
}

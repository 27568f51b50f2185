package dev.squish.io.decode;

/**
 * Checks the first image directory of a TIFF before the plugin sees it. The plugin sizes arrays by
 * the declared SamplesPerPixel before it reads a pixel: a 1.5 KB file declaring 637 million samples
 * a pixel would take the heap. Real files have 1 to 5 (grey, RGB, CMYK, and alpha), multispectral
 * ones a few dozen.
 */
final class TiffHeader {
  /** More samples a pixel than any photograph or scan has; squish shows at most four of them. */
  static final int MAX_SAMPLES_PER_PIXEL = 64;

  private static final int SAMPLES_PER_PIXEL = 277;
  private static final int MAX_ENTRIES = 4096;

  private TiffHeader() {}

  /** Throws when the first directory declares more than {@link #MAX_SAMPLES_PER_PIXEL} samples a pixel. */
  static void verify(byte[] d, int length) throws ImageDecodeException {
    if (length < 16) {
      return; // the plugin reports the short header itself
    }
    boolean little = d[0] == 'I';
    boolean big = u16(d, 2, little) == 43; // BigTIFF: 8-byte offsets and counts
    long ifd = big ? u64(d, 8, little) : u32(d, 4, little);
    int countSize = big ? 8 : 2;
    int entrySize = big ? 20 : 12;
    if (ifd < 8 || ifd + countSize > length) {
      return;
    }
    long entries = big ? u64(d, (int) ifd, little) : u16(d, (int) ifd, little);
    entries = Math.min(entries, Math.min(MAX_ENTRIES, (length - ifd - countSize) / entrySize));
    for (int i = 0; i < entries; i++) {
      int e = (int) (ifd + countSize + (long) i * entrySize);
      if (u16(d, e, little) != SAMPLES_PER_PIXEL) {
        continue;
      }
      int type = u16(d, e + 2, little);
      int value = e + (big ? 12 : 8); // the value itself when it fits, as a single SHORT or LONG does
      long samples = type == 3 ? u16(d, value, little) : type == 4 ? u32(d, value, little) : -1;
      if (samples > MAX_SAMPLES_PER_PIXEL) {
        throw new ImageDecodeException(ImageDecodeException.Reason.CORRUPT, "corrupt TIFF: it declares " + samples
            + " samples a pixel (at most " + MAX_SAMPLES_PER_PIXEL + " are read)");
      }
    }
  }

  private static int u16(byte[] b, int p, boolean little) {
    int x = b[p] & 0xFF;
    int y = b[p + 1] & 0xFF;
    return little ? x | y << 8 : x << 8 | y;
  }

  private static long u32(byte[] b, int p, boolean little) {
    long lo = u16(b, little ? p : p + 2, little);
    long hi = u16(b, little ? p + 2 : p, little);
    return hi << 16 | lo;
  }

  private static long u64(byte[] b, int p, boolean little) {
    long lo = u32(b, little ? p : p + 4, little);
    long hi = u32(b, little ? p + 4 : p, little);
    return hi > 0 ? -1 : lo; // past 4 GB: past the end of any file held in memory, so nothing to check
  }
}

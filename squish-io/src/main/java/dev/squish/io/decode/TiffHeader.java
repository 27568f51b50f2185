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

  private TiffHeader() {}

  /**
   * Throws when the first directory declares more than {@link #MAX_SAMPLES_PER_PIXEL} samples a pixel, in
   * whatever numeric type: the plugin takes any single number as the count.
   */
  static void verify(byte[] d, int length) throws ImageDecodeException {
    if (length < 16) {
      return; // the plugin reports the short header itself
    }
    boolean little = d[0] == 'I';
    boolean big = u16(d, 2, little) == 43; // BigTIFF: 8-byte offsets and counts
    long ifd = big ? u64(d, 8, little) : u32(d, 4, little);
    int countSize = big ? 8 : 2;
    int entrySize = big ? 20 : 12;
    if (ifd <= 0 || ifd + countSize > length) {
      return; // no directory in the file: the plugin refuses it
    }
    long declared = big ? u64(d, (int) ifd, little) : u16(d, (int) ifd, little);
    long fit = (length - ifd - countSize) / entrySize; // the plugin reads every entry there is
    long entries = declared < 0 ? fit : Math.min(declared, fit);
    for (int i = 0; i < entries; i++) {
      int e = (int) (ifd + countSize + (long) i * entrySize);
      if (u16(d, e, little) != SAMPLES_PER_PIXEL) {
        continue;
      }
      int type = u16(d, e + 2, little);
      long count = big ? u64(d, e + 4, little) : u32(d, e + 4, little);
      int value = e + (big ? 12 : 8); // the value itself when it fits, as a single number does
      long samples = switch (type) {
        case 1, 6, 7 -> d[value] & 0xFF; // BYTE, SBYTE, UNDEFINED
        case 3, 8 -> u16(d, value, little); // SHORT, SSHORT (a negative one reads as large: refused)
        case 4, 9, 13 -> u32(d, value, little); // LONG, SLONG, IFD
        case 16, 17, 18 -> big ? u64(d, value, little) : Long.MAX_VALUE; // LONG8, SLONG8, IFD8 (BigTIFF only)
        default -> Long.MAX_VALUE; // fractions and floats: no count of samples
      };
      if (count == 1 && (samples < 0 || samples > MAX_SAMPLES_PER_PIXEL)) {
        throw new ImageDecodeException(ImageDecodeException.Reason.CORRUPT, "corrupt TIFF: it declares "
            + (samples < 0 || samples == Long.MAX_VALUE ? "a SamplesPerPixel of type " + type : samples
                + " samples a pixel") + " (at most " + MAX_SAMPLES_PER_PIXEL + " are read)");
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

package dev.squish.io.decode;

/**
 * Cuts the thumbnail (IFD1 and the JPEG it points to) off an EXIF block, for a PNG output: it is
 * a small copy of the unquantized picture, often 10 to 60 KB, which would undo much of what the
 * palette saved on small images and show the original in viewers that prefer it. The cut is made
 * only when everything IFD0, the Exif, GPS and interoperability IFDs point at lies before the
 * thumbnail; otherwise only the link to IFD1 is removed. Anything malformed leaves the block as it
 * was.
 */
final class ExifThumbnail {
  private static final int EXIF_IFD = 0x8769;
  private static final int GPS_IFD = 0x8825;
  private static final int INTEROP_IFD = 0xA005;
  /** Bytes per value of TIFF field types 1..12. */
  private static final int[] TYPE_SIZE = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8};

  private ExifThumbnail() {}

  /** {@code tiff} (TIFF data from its "II" or "MM") without its thumbnail; {@code tiff} itself when it has none. */
  static byte[] remove(byte[] tiff) {
    try {
      boolean little;
      if (tiff[0] == 'I' && tiff[1] == 'I') {
        little = true;
      } else if (tiff[0] == 'M' && tiff[1] == 'M') {
        little = false;
      } else {
        return tiff;
      }
      int ifd0 = (int) ExifOrientation.u32(tiff, 4, little);
      int entries = ExifOrientation.u16(tiff, ifd0, little);
      int linkAt = ifd0 + 2 + 12 * entries;
      long ifd1 = ExifOrientation.u32(tiff, linkAt, little);
      if (ifd1 == 0) {
        return tiff;
      }
      int end = Math.max(linkAt + 4, extent(tiff, ifd0, little, 0));
      byte[] out = end <= ifd1 ? java.util.Arrays.copyOf(tiff, end) : tiff.clone();
      out[linkAt] = 0;
      out[linkAt + 1] = 0;
      out[linkAt + 2] = 0;
      out[linkAt + 3] = 0;
      return out;
    } catch (IndexOutOfBoundsException e) {
      return tiff;
    }
  }

  /** The end of everything the IFD at {@code at} holds or points at, sub-IFDs included. */
  private static int extent(byte[] t, int at, boolean little, int depth) {
    if (depth > 4) {
      throw new IndexOutOfBoundsException("IFDs nested too deep");
    }
    int n = ExifOrientation.u16(t, at, little);
    int end = at + 2 + 12 * n + 4;
    for (int e = 0; e < n; e++) {
      int entry = at + 2 + 12 * e;
      int tag = ExifOrientation.u16(t, entry, little);
      int type = ExifOrientation.u16(t, entry + 2, little);
      long count = ExifOrientation.u32(t, entry + 4, little);
      long bytes = type >= 1 && type < TYPE_SIZE.length ? count * TYPE_SIZE[type] : 0;
      if (bytes > 4) {
        long valueEnd = ExifOrientation.u32(t, entry + 8, little) + bytes;
        if (valueEnd > t.length) {
          throw new IndexOutOfBoundsException("value past the end");
        }
        end = (int) Math.max(end, valueEnd);
      }
      if (tag == EXIF_IFD || tag == GPS_IFD || tag == INTEROP_IFD) {
        end = Math.max(end, extent(t, (int) ExifOrientation.u32(t, entry + 8, little), little, depth + 1));
      }
    }
    return end;
  }
}

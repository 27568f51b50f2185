package dev.squish.io.decode;

/**
 * Checks a BMP header before the JDK's reader sees it. A BMP may hold an embedded JPEG or PNG
 * (compression 4 or 5), whose byte count the reader allocates as declared, before reading any of
 * it: a 600-byte file declaring 2 GB of embedded data would take the heap.
 */
final class BmpHeader {
  private static final int BI_JPEG = 4;
  private static final int BI_PNG = 5;

  private BmpHeader() {}

  /** Throws when the file declares more embedded image bytes than it holds. */
  static void verify(byte[] d, int length) throws ImageDecodeException {
    if (length < 38) {
      return; // the reader reports the short header itself
    }
    long headerSize = u32(d, 14);
    if (headerSize < 40) {
      return; // OS/2 headers have no compression field
    }
    long compression = u32(d, 30);
    if (compression != BI_JPEG && compression != BI_PNG) {
      return;
    }
    long declared = u32(d, 34);
    long offset = u32(d, 10);
    long available = Math.max(0, length - offset);
    if (declared > available) {
      throw new ImageDecodeException(ImageDecodeException.Reason.CORRUPT, "corrupt BMP: it declares "
          + declared + " bytes of embedded " + (compression == BI_JPEG ? "JPEG" : "PNG") + " data but holds "
          + available);
    }
  }

  private static long u32(byte[] b, int p) {
    return (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24;
  }
}

package dev.squish.io.decode;

import java.util.zip.CRC32;

/**
 * Walks the chunks of a PNG file and checks their lengths and CRCs. The JDK's PNG reader skips
 * CRC checks and reports truncation only as a generic read error, so a damaged file could
 * otherwise pass as a picture with garbage in it, or fail with an unhelpful message.
 */
final class PngChunks {
  private static final int SIGNATURE_LENGTH = 8;

  private PngChunks() {}

  /** Throws with a message naming the first problem: truncated, a bad CRC, or no image data. */
  static void verify(byte[] data, int length) throws ImageDecodeException {
    int pos = SIGNATURE_LENGTH;
    boolean sawIdat = false;
    CRC32 crc = new CRC32();
    while (true) {
      if (length - pos < 12) {
        throw new ImageDecodeException(ImageDecodeException.Reason.CORRUPT,
            "truncated PNG: the file ends after " + length + " bytes, before the IEND chunk");
      }
      long chunkLength = readUint32(data, pos);
      String type = new String(data, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      if (chunkLength > length - pos - 12) {
        throw new ImageDecodeException(ImageDecodeException.Reason.CORRUPT, "truncated PNG: chunk " + printable(type)
            + " at byte " + pos + " declares "
            + chunkLength + " bytes but the file ends after " + length + " bytes");
      }
      int dataLength = (int) chunkLength;
      crc.reset();
      crc.update(data, pos + 4, 4 + dataLength);
      long stored = readUint32(data, pos + 8 + dataLength);
      if (crc.getValue() != stored) {
        throw new ImageDecodeException(ImageDecodeException.Reason.CORRUPT, "corrupt PNG: chunk " + printable(type)
            + " at byte " + pos
            + " has a bad CRC (stored " + Long.toHexString(stored) + ", computed " + Long.toHexString(crc.getValue())
            + ")");
      }
      if (type.equals("IDAT")) {
        sawIdat = true;
      }
      if (type.equals("IEND")) {
        if (!sawIdat) {
          throw new ImageDecodeException(ImageDecodeException.Reason.CORRUPT,
              "corrupt PNG: no IDAT chunk, so there are no pixels");
        }
        return;
      }
      pos += 12 + dataLength;
    }
  }

  private static String printable(String type) {
    for (int i = 0; i < type.length(); i++) {
      char c = type.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return "'?'";
      }
    }
    return type;
  }

  private static long readUint32(byte[] b, int pos) {
    return ((b[pos] & 0xFFL) << 24) | ((b[pos + 1] & 0xFFL) << 16) | ((b[pos + 2] & 0xFFL) << 8) | (b[pos + 3] & 0xFFL);
  }
}

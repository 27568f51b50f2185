package dev.squish.io.color;

import java.nio.charset.StandardCharsets;

/** Reads the text of an ICC description tag: v2 {@code desc} (ASCII) or v4 {@code mluc} (UTF-16, first record). */
final class IccText {
  private IccText() {}

  /** The text, or null when the tag is malformed. */
  static String read(byte[] tag) {
    try {
      String type = new String(tag, 0, 4, StandardCharsets.US_ASCII);
      if (type.equals("desc")) {
        int count = u32(tag, 8);
        int end = 12;
        while (end < 12 + count && end < tag.length && tag[end] != 0) {
          end++;
        }
        return new String(tag, 12, end - 12, StandardCharsets.ISO_8859_1).trim();
      }
      if (type.equals("mluc") && u32(tag, 8) >= 1) {
        int length = u32(tag, 20);
        int offset = u32(tag, 24);
        if (offset >= 0 && length >= 0 && offset + length <= tag.length) {
          return new String(tag, offset, length, StandardCharsets.UTF_16BE).replace("\0", "").trim();
        }
      }
    } catch (IndexOutOfBoundsException e) {
      return null;
    }
    return null;
  }

  private static int u32(byte[] b, int p) {
    return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
  }
}

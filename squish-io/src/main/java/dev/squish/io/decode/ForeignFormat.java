package dev.squish.io.decode;

import java.nio.charset.StandardCharsets;

/**
 * Names common file formats that squish does not read, from their first bytes, so that the
 * message says "Photoshop PSD" or "text" instead of a generic "not an image". The list covers
 * what tends to sit in photo and asset folders next to the images.
 */
final class ForeignFormat {
  /** How many leading bytes decide whether a file is text. */
  private static final int TEXT_PROBE = 512;

  private ForeignFormat() {}

  /** The format's name, "text" for a text file, or null when the bytes are not recognised. */
  static String name(byte[] data, int length) {
    String iso = ascii(data, length, 16);
    if (iso.startsWith("8BPS")) {
      return "Photoshop PSD";
    }
    if (iso.length() >= 3 && iso.charAt(0) == 'P' && iso.charAt(1) >= '1' && iso.charAt(1) <= '7'
        && Character.isWhitespace(iso.charAt(2))) {
      return "Netpbm (PBM/PGM/PPM/PAM)";
    }
    if (iso.length() >= 12 && iso.startsWith("ftyp", 4)) {
      return isoMediaName(iso.substring(8, 12));
    }
    if (iso.startsWith("\u00FF\n") || iso.startsWith("\0\0\0\u000CJXL ")) {
      return "JPEG XL";
    }
    if (iso.startsWith("\0\0\0\u000CjP  ") || iso.startsWith("\u00FF\u004F\u00FF\u0051")) {
      return "JPEG 2000";
    }
    if (iso.startsWith("%PDF")) {
      return "PDF";
    }
    if (iso.startsWith("\0\0\1\0") || iso.startsWith("\0\0\2\0")) {
      return "Windows icon (ICO/CUR)";
    }
    if (iso.startsWith("qoif")) {
      return "QOI";
    }
    if (iso.startsWith("v/1\u0001")) {
      return "OpenEXR";
    }
    if (iso.startsWith("PK\u0003\u0004")) {
      return "ZIP archive";
    }
    if (isText(data, length)) {
      String head = ascii(data, length, TEXT_PROBE).stripLeading().toLowerCase(java.util.Locale.ROOT);
      return head.startsWith("<svg") || (head.startsWith("<?xml") && head.contains("<svg")) ? "SVG" : "text";
    }
    return null;
  }

  private static String isoMediaName(String brand) {
    return switch (brand) {
      case "heic", "heix", "hevc", "mif1", "msf1" -> "HEIF/HEIC";
      case "avif", "avis" -> "AVIF";
      default -> "ISO media (MP4/MOV)";
    };
  }

  private static String ascii(byte[] data, int length, int max) {
    return new String(data, 0, Math.min(length, max), StandardCharsets.ISO_8859_1);
  }

  /**
   * Text when the first bytes hold no control characters other than tab, newline, carriage
   * return and form feed; bytes from 0x80 up are allowed, so UTF-8 text counts.
   */
  private static boolean isText(byte[] data, int length) {
    int n = Math.min(length, TEXT_PROBE);
    for (int i = 0; i < n; i++) {
      int b = data[i] & 0xFF;
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
        return false;
      }
      if (b == 0x7F) {
        return false;
      }
    }
    return n > 0;
  }
}

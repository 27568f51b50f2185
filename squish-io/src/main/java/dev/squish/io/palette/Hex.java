package dev.squish.io.palette;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Colours written as hex, {@code #rrggbb} or {@code #rrggbbaa}: their parsing, formatting and
 * quoting, and the lines of the text files they are read from.
 */
final class Hex {
  /** What a colour looks like, for messages. */
  static final String FORMS = "#rrggbb or #rrggbbaa";

  private static final int QUOTE_MAX = 40;

  private Hex() {}

  /**
   * {@return the colour {@code text} names as {@code 0xAARRGGBB}, or -1 when it names none}: 6 or
   * 8 hex digits of either case, with or without a leading {@code #}; 8 digits end in the alpha,
   * or begin with it when {@code alphaFirst} (Paint.NET's {@code AARRGGBB}).
   */
  static long parse(String text, boolean alphaFirst) {
    String digits = text.startsWith("#") ? text.substring(1) : text;
    if (digits.length() != 6 && digits.length() != 8) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < digits.length(); i++) {
      char ch = digits.charAt(i);
      // ASCII only: Character.digit also takes other scripts' digits
      int d = ch < 0x80 ? Character.digit(ch, 16) : -1;
      if (d < 0) {
        return -1;
      }
      v = v << 4 | d;
    }
    if (digits.length() == 6) {
      return 0xFF000000L | v;
    }
    return alphaFirst ? v : (v >>> 8) | (v & 0xFF) << 24;
  }

  /** {@return {@code argb} as {@code #rrggbb} when opaque, else {@code #rrggbbaa}, in lower case} */
  static String format(int argb) {
    long rrggbb = argb & 0xFFFFFF;
    // a leading 1 keeps the zeros before the colour, and is cut off again
    String hex = argb >>> 24 == 0xFF ? Long.toHexString(1L << 24 | rrggbb)
        : Long.toHexString(1L << 32 | rrggbb << 8 | argb >>> 24);
    return "#" + hex.substring(1);
  }

  /** {@return {@code text} in single quotes for a one-line message: shortened, control characters shown as '?'} */
  static String quote(String text) {
    String t = text.length() > QUOTE_MAX ? text.substring(0, QUOTE_MAX) + "..." : text;
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      sb.append(Character.isISOControl(c) ? '?' : c);
    }
    return sb.append('\'').toString();
  }

  /** {@return the message for a text that is not a colour} */
  static String notAColour(String text) {
    return quote(text) + " is not a colour (" + FORMS + ")";
  }

  /**
   * {@return the lines of a text file}: UTF-8 (a byte-order mark dropped, bytes that are not UTF-8
   * read as U+FFFD, so that a colour name in another encoding does not stop the colours), split at
   * {@code \n}, {@code \r\n} or {@code \r}.
   */
  static List<String> lines(byte[] data) {
    int start = bomLength(data);
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(data, start, data.length - start)).toString();
      return text.lines().toList();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder does not fail", e);
    }
  }

  /** {@return 3 when {@code data} starts with UTF-8's byte-order mark, else 0} */
  static int bomLength(byte[] data) {
    return data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF
        ? 3 : 0;
  }
}

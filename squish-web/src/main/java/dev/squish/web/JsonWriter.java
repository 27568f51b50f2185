package dev.squish.web;

import java.util.Locale;

/**
 * A minimal streaming JSON writer for the API's answers: objects, arrays, strings, numbers,
 * booleans and null, with commas placed automatically. Non-finite numbers are written as null
 * (JSON has no Infinity; a lossless PSNR is shown as such by the page).
 */
final class JsonWriter {
  private final StringBuilder out = new StringBuilder(256);
  /** True when the next value in the current container needs a comma before it. */
  private boolean comma;

  JsonWriter beginObject() {
    separate();
    out.append('{');
    comma = false;
    return this;
  }

  JsonWriter endObject() {
    out.append('}');
    comma = true;
    return this;
  }

  JsonWriter beginArray() {
    separate();
    out.append('[');
    comma = false;
    return this;
  }

  JsonWriter endArray() {
    out.append(']');
    comma = true;
    return this;
  }

  JsonWriter name(String name) {
    separate();
    string(name);
    out.append(':');
    comma = false;
    return this;
  }

  JsonWriter value(String s) {
    separate();
    if (s == null) {
      out.append("null");
    } else {
      string(s);
    }
    comma = true;
    return this;
  }

  JsonWriter value(long v) {
    separate();
    out.append(v);
    comma = true;
    return this;
  }

  JsonWriter value(boolean v) {
    separate();
    out.append(v);
    comma = true;
    return this;
  }

  /** A number with up to {@code decimals} decimals, trailing zeros kept short; null when not finite. */
  JsonWriter value(double v, int decimals) {
    separate();
    if (!Double.isFinite(v)) {
      out.append("null");
    } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      out.append((long) v);
    } else {
      out.append(String.format(Locale.ROOT, "%." + decimals + "f", v));
    }
    comma = true;
    return this;
  }

  JsonWriter field(String name, String v) {
    return name(name).value(v);
  }

  JsonWriter field(String name, long v) {
    return name(name).value(v);
  }

  JsonWriter field(String name, boolean v) {
    return name(name).value(v);
  }

  JsonWriter field(String name, double v, int decimals) {
    return name(name).value(v, decimals);
  }

  /** Appends already-written JSON as the next value. */
  JsonWriter raw(String json) {
    separate();
    out.append(json);
    comma = true;
    return this;
  }

  private void separate() {
    if (comma) {
      out.append(',');
      comma = false;
    }
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  @Override
  public String toString() {
    return out.toString();
  }
}

package dev.squish.web;

import dev.squish.color.ColorSpace;
import dev.squish.dither.Dithering;
import dev.squish.pipeline.CompressionOptions;
import dev.squish.pipeline.Method;
import java.util.Locale;
import java.util.Map;

/**
 * The choices on the page for one compression, parsed from the request's query.
 *
 * @param method quantization method
 * @param k palette size, 2..256
 * @param space colour space clustered in
 * @param dithering how pixels are mapped
 * @param exact true for the command line's exact result, false for the quick preview
 * @param format output format, {@code png} or {@code gif}
 */
record PageOptions(Method method, int k, ColorSpace space, Dithering dithering, boolean exact, String format) {

  /** Parses {@code method, k, space, dither, level, mode, format}; a bad value is an HTTP 400 naming it. */
  static PageOptions parse(Map<String, String> q) {
    Method method = parseEnum(q, "method", "kmeans", Method::byId);
    int k = parseInt(q, "k", 16, 2, 256);
    ColorSpace space = parseEnum(q, "space", "srgb", ColorSpace::byId);
    Dithering.Kind kind = parseEnum(q, "dither", "none", Dithering.Kind::byId);
    double level = parseDouble(q, "level", 1, 0, 1);
    String mode = q.getOrDefault("mode", "exact").toLowerCase(Locale.ROOT);
    if (!mode.equals("exact") && !mode.equals("preview")) {
      throw new HttpError(HttpError.BAD_REQUEST, "mode must be preview or exact, got '" + mode + "'");
    }
    String format = q.getOrDefault("format", "png").toLowerCase(Locale.ROOT);
    if (!format.equals("png") && !format.equals("gif")) {
      throw new HttpError(HttpError.BAD_REQUEST, "format must be png or gif, got '" + format + "'");
    }
    Dithering d = kind == Dithering.Kind.NONE ? Dithering.NONE : new Dithering(kind, level);
    return new PageOptions(method, k, space, d, mode.equals("exact"), format);
  }

  /** The library's options for these choices (the seed is the command line's default). */
  CompressionOptions compression() {
    return new CompressionOptions(method, k, CompressionOptions.DEFAULT_SEED, space, dithering);
  }

  /** A key for caching: everything that changes the output. */
  String key() {
    return method.id() + "/" + k + "/" + space.id() + "/" + dithering.kind().id() + "/" + dithering.level() + "/"
        + format + "/" + (exact ? "exact" : "preview");
  }

  /** The same choices in exact mode. */
  PageOptions asExact() {
    return new PageOptions(method, k, space, dithering, true, format);
  }

  private static <T> T parseEnum(Map<String, String> q, String name, String dflt,
      java.util.function.Function<String, T> byId) {
    String v = q.getOrDefault(name, dflt);
    try {
      return byId.apply(v);
    } catch (IllegalArgumentException e) {
      throw new HttpError(HttpError.BAD_REQUEST, name + ": " + e.getMessage());
    }
  }

  private static int parseInt(Map<String, String> q, String name, int dflt, int min, int max) {
    String v = q.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      int i = Integer.parseInt(v.trim());
      if (i < min || i > max) {
        throw new HttpError(HttpError.BAD_REQUEST, name + " must be from " + min + " to " + max + ", got " + i);
      }
      return i;
    } catch (NumberFormatException e) {
      throw new HttpError(HttpError.BAD_REQUEST, name + " must be a whole number, got '" + v + "'");
    }
  }

  private static double parseDouble(Map<String, String> q, String name, double dflt, double min, double max) {
    String v = q.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      double d = Double.parseDouble(v.trim());
      if (!(d >= min && d <= max)) {
        throw new HttpError(HttpError.BAD_REQUEST, name + " must be from " + min + " to " + max + ", got " + v);
      }
      return d;
    } catch (NumberFormatException e) {
      throw new HttpError(HttpError.BAD_REQUEST, name + " must be a number, got '" + v + "'");
    }
  }
}

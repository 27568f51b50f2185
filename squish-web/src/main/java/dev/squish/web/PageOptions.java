package dev.squish.web;

import dev.squish.compress.CompressOptions;
import dev.squish.compress.Dithering;
import dev.squish.image.Palette;
import dev.squish.io.encode.OutputFormat;
import dev.squish.io.palette.PaletteFileException;
import dev.squish.io.palette.PaletteFiles;
import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.Method;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The choices on the page for one compression, parsed from the request's query.
 *
 * @param method quantization method with its palette size, or {@link Method.Given} for a given palette
 * @param space colour space clustered in
 * @param dithering how pixels are mapped
 * @param exact true for the command line's exact result, false for the quick preview
 * @param format output format
 * @param keep colours that must appear exactly in a fitted palette (ARGB), none twice
 */
record PageOptions(Method method, ColorSpace space, Dithering dithering, boolean exact, OutputFormat format,
    List<Integer> keep) {
  /** Palette size when the request names none. */
  static final int DEFAULT_K = 16;

  /**
   * Parses {@code method, k, space, dither, level, mode, format}, {@code palette} (a given palette as
   * hex colours, which takes the place of method and k) and {@code keep} (hex colours the fitted
   * palette must hold exactly; blank for none); a bad value is an HTTP 400 naming it.
   */
  static PageOptions parse(Map<String, String> q) {
    Method method = q.containsKey("palette") ? given(q) : fitted(q);
    ColorSpace space = parse(q, "space", "srgb", ColorSpace::byId);
    Dithering.Kind kind = parse(q, "dither", "none", Dithering.Kind::byId);
    double level = parseDouble(q, "level", Dithering.MAX_LEVEL, Dithering.MIN_LEVEL, Dithering.MAX_LEVEL);
    String mode = q.getOrDefault("mode", "exact").toLowerCase(Locale.ROOT);
    if (!mode.equals("exact") && !mode.equals("preview")) {
      throw new HttpError(HttpError.BAD_REQUEST, "mode must be preview or exact, got '" + mode + "'");
    }
    String formatId = q.getOrDefault("format", "png");
    OutputFormat format = OutputFormat.byId(formatId);
    if (format == null) {
      throw new HttpError(HttpError.BAD_REQUEST, "format must be png or gif, got '" + formatId + "'");
    }
    return new PageOptions(method, space, Dithering.of(kind, level), mode.equals("exact"), format, keep(q, method));
  }

  private static Method fitted(Map<String, String> q) {
    int k = parseInt(q, "k", DEFAULT_K, Method.MIN_K, Method.MAX_K);
    return parse(q, "method", "kmeans", id -> Method.byId(id, k));
  }

  /** The kept colours: at most k of them, and only for a palette that is fitted (a given one is used as it is). */
  private static List<Integer> keep(Map<String, String> q, Method method) {
    String text = q.getOrDefault("keep", "");
    if (text.isBlank()) {
      return List.of();
    }
    if (method instanceof Method.Given) {
      throw new HttpError(HttpError.BAD_REQUEST, "keep: kept colours are for a fitted palette; a given palette is"
          + " used as it is (add them to it)");
    }
    Palette kept;
    try {
      kept = PaletteFiles.parseColours(text);
    } catch (PaletteFileException e) {
      throw new HttpError(HttpError.BAD_REQUEST, "keep: " + e.getMessage());
    }
    if (kept.size() > method.k()) {
      throw new HttpError(HttpError.BAD_REQUEST, "keep: " + kept.size() + " kept colours but k is " + method.k()
          + " (raise k or keep fewer)");
    }
    return IntStream.of(kept.colors()).boxed().toList();
  }

  /** A given palette: nothing is fitted, so a k or a method with it is a mistake, as on the command line. */
  private static Method given(Map<String, String> q) {
    for (String fitOnly : new String[] {"k", "method"}) {
      if (q.containsKey(fitOnly)) {
        throw new HttpError(HttpError.BAD_REQUEST, "palette: a given palette is not fitted, so it takes no "
            + fitOnly + " (leave " + fitOnly + " out)");
      }
    }
    try {
      return Method.given(PaletteFiles.parseColours(q.get("palette")));
    } catch (PaletteFileException e) {
      throw new HttpError(HttpError.BAD_REQUEST, "palette: " + e.getMessage());
    }
  }

  /**
   * The library's options for these choices (the seed is the command line's default); SSIM always, ΔE
   * for the exact result.
   */
  CompressOptions compression() {
    // a given palette has no quick preview (nothing is fitted), so its first answer is exact and measured so
    boolean deltaE = exact || method instanceof Method.Given;
    return CompressOptions.builder(method).space(space).dithering(dithering).keep(keep).ssim(true).deltaE(deltaE)
        .build();
  }

  /** A key for caching: everything that changes the output. */
  String key() {
    String given = method instanceof Method.Given g ? "/" + hex(g.palette()) : "";
    String kept = keep.isEmpty() ? "" : "/keep=" + hex(keptPalette());
    return method.id() + "/" + method.k() + given + kept + "/" + space.id() + "/" + dithering.kind().id() + "/"
        + dithering.level()
        + "/" + format.id() + "/" + (exact ? "exact" : "preview");
  }

  /** The kept colours as a palette, in their order. */
  Palette keptPalette() {
    return Palette.of(keep.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The same choices in exact mode. */
  PageOptions asExact() {
    return new PageOptions(method, space, dithering, true, format, keep);
  }

  /** {@code palette} as the page and the query write it: {@code #rrggbb} (or {@code #rrggbbaa}), comma-separated. */
  static String hex(Palette palette) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < palette.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(hex(palette.color(i)));
    }
    return sb.toString();
  }

  /** {@code argb} as {@code #rrggbb} when opaque, else {@code #rrggbbaa}, lower case. */
  static String hex(int argb) {
    int alpha = argb >>> 24;
    return alpha == 0xFF ? String.format(Locale.ROOT, "#%06x", argb & 0xFFFFFF)
        : String.format(Locale.ROOT, "#%06x%02x", argb & 0xFFFFFF, alpha);
  }

  private static <T> T parse(Map<String, String> q, String name, String dflt, Function<String, T> byId) {
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
    int i;
    try {
      i = Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new HttpError(HttpError.BAD_REQUEST, name + " must be a whole number, got '" + v + "'");
    }
    if (i < min || i > max) {
      throw new HttpError(HttpError.BAD_REQUEST, name + " must be from " + min + " to " + max + ", got " + i);
    }
    return i;
  }

  private static double parseDouble(Map<String, String> q, String name, double dflt, double min, double max) {
    String v = q.get(name);
    if (v == null) {
      return dflt;
    }
    double d;
    try {
      d = Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new HttpError(HttpError.BAD_REQUEST, name + " must be a number, got '" + v + "'");
    }
    if (!(d >= min && d <= max)) {
      throw new HttpError(HttpError.BAD_REQUEST, name + " must be from " + (int) min + " to " + (int) max + ", got "
          + v);
    }
    return d;
  }
}

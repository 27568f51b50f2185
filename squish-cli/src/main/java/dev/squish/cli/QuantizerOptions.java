package dev.squish.cli;

import dev.squish.compress.CompressOptions;
import dev.squish.compress.Dithering;
import dev.squish.image.Palette;
import dev.squish.io.palette.PaletteFileException;
import dev.squish.io.palette.PaletteFiles;
import dev.squish.quantize.Assignment;
import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.Covariance;
import dev.squish.quantize.Method;
import dev.squish.quantize.Speed;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options that decide the palette: what to cluster, how, into how many colours. */
final class QuantizerOptions {
  private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,3})\\s*-\\s*(\\d{1,3})\\s*");
  /** Default range of {@code --k auto}. */
  static final int DEFAULT_MIN_K = 2;
  static final int DEFAULT_MAX_K = Method.MAX_K;
  private static final String K_RANGE = Method.MIN_K + " to " + Method.MAX_K;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = {"-k", "--k"}, paramLabel = "K", defaultValue = "" + CompressOptions.DEFAULT_K,
      description = "Number of colours, " + K_RANGE + " (default: ${DEFAULT-VALUE}); with --method em also 'auto':"
          + " fit mixtures for k in --k-range and keep the one with the lowest BIC. The result line then says"
          + " which k BIC chose; a line on standard error says which k are tried (unless a progress bar runs),"
          + " and with --verbose one more per k as it is fitted.")
  String k;

  @Option(names = "--method", paramLabel = "METHOD", defaultValue = "kmeans",
      description = "Quantization method: kmeans (k-means clustering) or em (EM on a Gaussian mixture, seeded from"
          + " k-means) (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--covariance", paramLabel = "TYPE",
      description = "With --method em: shape of each component's covariance, full (correlated channels), diag or"
          + " spherical (default: full).")
  String covariance;

  @Option(names = "--assign", paramLabel = "MAPPING",
      description = "With --method em: how each colour picks its palette entry: nearest (the nearest component mean,"
          + " least error) or map (the component of maximum posterior probability) (default: nearest).")
  String assign;

  @Option(names = "--k-range", paramLabel = "A-B",
      description = "With --k auto: the smallest and largest k tried, " + K_RANGE + " (default: " + DEFAULT_MIN_K
          + "-" + DEFAULT_MAX_K + ").")
  String kRange;

  @Option(names = "--palette", paramLabel = "FILE",
      description = "Remap to the palette in FILE instead of fitting one: GIMP .gpl, Adobe .act, .hex (one #rrggbb"
          + " or #rrggbbaa a line), .json, or an image of at most 256 colours. Not with --k, --method or the other"
          + " fitting options, nor --quality or --max-delta-e; --dither fs works.")
  String palette;

  @Option(names = "--speed", paramLabel = "N", defaultValue = "" + Speed.DEFAULT_VALUE,
      description = "Effort, as pngquant's --speed: " + Speed.SLOWEST + " (slowest, best) to " + Speed.FASTEST
          + " (fastest). Sets how hard k-means searches and how hard the PNG writer compresses"
          + " (default: ${DEFAULT-VALUE}).")
  int speed;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "" + CompressOptions.DEFAULT_SEED,
      description = "Seed of every random choice; the same input, options and seed give the same bytes"
          + " (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--space", paramLabel = "SPACE", defaultValue = "srgb",
      description = "Colour space to cluster in: srgb (best PSNR), linear, oklab (perceptual), lab"
          + " (default: ${DEFAULT-VALUE}).")
  String space;

  @Option(names = "--dither", paramLabel = "MODE", defaultValue = "none",
      description = "Dithering: none, or fs (Floyd-Steinberg, softened on flat areas and strong edges)"
          + " (default: ${DEFAULT-VALUE}).")
  String dither;

  @Option(names = "--dither-level", paramLabel = "LEVEL", defaultValue = "1",
      description = "Share of the error diffused with --dither fs, 0 to 1 (default: ${DEFAULT-VALUE}).")
  String ditherLevel;

  /** The options that choose how a palette is fitted, which a given palette (--palette) leaves nothing to do. */
  static final List<String> FITTING_OPTIONS = List.of("--k", "--method", "--covariance", "--assign", "--k-range",
      "--keep", "--distinct");

  @Option(names = "--keep", paramLabel = "COLOURS|FILE",
      description = "Colours that must appear exactly in the palette, the rest fitted around them: a list like"
          + " '#d81b60,#1e88e5' (#rrggbb or #rrggbbaa), or a palette file (.gpl, .act, .hex, .json or an image of at"
          + " most 256 colours). At most k colours, one fewer when the image has transparent pixels.")
  String keep;

  @Option(names = "--distinct", paramLabel = "MODE", defaultValue = "keep",
      description = "Small distinct colours (a logo, a legend square: 0.02 to 1%% of the pixels, far from every"
          + " other colour): keep gives each an entry of its own when the fit would lose it (up to 6, from k = 8),"
          + " off does not (default: ${DEFAULT-VALUE}).")
  String distinct;

  /** The validated options; bad values end as a usage error naming the option. */
  CompressOptions toCompressOptions() {
    if (palette != null) {
      return given();
    }
    String m = method.trim().toLowerCase(Locale.ROOT);
    if (!m.equals("kmeans") && !m.equals("em")) {
      throw usage("--method must be kmeans or em, got '" + method + "'");
    }
    boolean em = m.equals("em");
    boolean auto = k.trim().equalsIgnoreCase("auto");
    if (!em) {
      requireEm(auto, "--k auto");
      requireEm(covariance != null, "--covariance");
      requireEm(assign != null, "--assign");
      requireEm(kRange != null, "--k-range");
    }
    if (kRange != null && !auto) {
      throw usage("--k-range is used only with --k auto");
    }
    Method chosen = em ? emMethod(auto) : Method.kMeans(parseK(k));
    List<Integer> kept = keptColours();
    if (kept.size() > chosen.k()) {
      throw usage("--keep gives " + kept.size() + " kept colours but k is " + chosen.k());
    }
    String d = distinct.trim().toLowerCase(Locale.ROOT);
    if (!d.equals("keep") && !d.equals("off")) {
      throw usage("--distinct must be keep or off, got '" + distinct + "'");
    }
    return CompressOptions.builder(chosen).space(colorSpace()).dithering(dithering()).speed(speed()).seed(seed)
        .keep(kept).distinct(d.equals("keep")).build();
  }

  /** --palette: the file's palette as {@link Method#given}, refused with any option that would fit one. */
  private CompressOptions given() {
    for (String option : FITTING_OPTIONS) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw usage("--palette gives the palette; it cannot be combined with " + option + ", which fits one");
      }
    }
    Path file;
    try {
      file = Path.of(palette);
    } catch (InvalidPathException e) {
      throw usage("--palette is not a valid path: " + e.getReason());
    }
    Method given;
    try {
      given = Method.given(PaletteFiles.read(file));
    } catch (PaletteFileException e) {
      throw usage("--palette " + palette + ": " + e.reason());
    }
    return CompressOptions.builder(given).space(colorSpace()).dithering(dithering()).speed(speed()).seed(seed)
        .build();
  }

  private ColorSpace colorSpace() {
    try {
      return ColorSpace.byId(space);
    } catch (IllegalArgumentException e) {
      throw usage("--space must be " + ColorSpace.ids() + ", got '" + space + "'");
    }
  }

  private Speed speed() {
    try {
      return Speed.of(speed);
    } catch (IllegalArgumentException e) {
      throw usage("--" + e.getMessage());
    }
  }

  /**
   * The colours of {@code --keep}: a file when the value names one that exists (or has a palette
   * file's extension, so that a mistyped name says "no such file"), else a list of colours.
   */
  private List<Integer> keptColours() {
    if (keep == null) {
      return List.of();
    }
    Palette palette;
    try {
      palette = looksLikeFile(keep) ? PaletteFiles.read(Path.of(keep)) : PaletteFiles.parseColours(keep);
    } catch (PaletteFileException e) {
      throw usage("--keep: " + e.getMessage());
    }
    List<Integer> colours = new ArrayList<>();
    for (int c : palette.colors()) {
      colours.add(c);
    }
    return colours;
  }

  private static boolean looksLikeFile(String value) {
    String lower = value.trim().toLowerCase(Locale.ROOT);
    for (String ext : PaletteFiles.READ_EXTENSIONS) {
      if (lower.endsWith(ext)) {
        return true;
      }
    }
    try {
      return !value.isBlank() && Files.isRegularFile(Path.of(value));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private Method emMethod(boolean auto) {
    Covariance cov = Covariance.FULL;
    Assignment assignment = Assignment.NEAREST;
    if (covariance != null) {
      try {
        cov = Covariance.byId(covariance);
      } catch (IllegalArgumentException e) {
        throw usage("--covariance must be full, diag or spherical, got '" + covariance + "'");
      }
    }
    if (assign != null) {
      try {
        assignment = Assignment.byId(assign);
      } catch (IllegalArgumentException e) {
        throw usage("--assign must be nearest or map, got '" + assign + "'");
      }
    }
    if (!auto) {
      return new Method.Em(parseK(k), cov, assignment);
    }
    int lo = DEFAULT_MIN_K;
    int hi = DEFAULT_MAX_K;
    if (kRange != null) {
      Matcher r = RANGE.matcher(kRange);
      if (!r.matches()) {
        throw usage("--k-range must be two whole numbers like 2-256, got '" + kRange + "'");
      }
      lo = Integer.parseInt(r.group(1));
      hi = Integer.parseInt(r.group(2));
      if (lo < Method.MIN_K || hi > Method.MAX_K || lo > hi) {
        throw usage("--k-range must satisfy " + Method.MIN_K + " <= A <= B <= " + Method.MAX_K + ", got " + lo + "-"
            + hi);
      }
    }
    return new Method.EmAutoK(lo, hi, cov, assignment);
  }

  private Dithering dithering() {
    Dithering.Kind kind;
    try {
      kind = Dithering.Kind.byId(dither);
    } catch (IllegalArgumentException e) {
      throw usage("--dither must be none or fs, got '" + dither + "'");
    }
    double level;
    try {
      level = Double.parseDouble(ditherLevel.trim());
    } catch (NumberFormatException e) {
      throw usage("--dither-level must be a number from 0 to 1, got '" + ditherLevel + "'");
    }
    if (!(level >= Dithering.MIN_LEVEL && level <= Dithering.MAX_LEVEL)) {
      throw usage("--dither-level must be from 0 to 1, got " + ditherLevel);
    }
    return Dithering.of(kind, level);
  }

  private void requireEm(boolean given, String option) {
    if (given) {
      throw usage(option + " needs --method em (the method is " + method.toLowerCase(Locale.ROOT) + ")");
    }
  }

  private int parseK(String value) {
    int colors;
    try {
      colors = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw usage("--k must be a whole number from " + K_RANGE + (method.equalsIgnoreCase("em") ? " or auto" : "")
          + ", got '" + value + "'");
    }
    try {
      return Method.checkK("--k", colors);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}

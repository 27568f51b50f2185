package dev.squish.cli;

import dev.squish.color.ColorSpace;
import dev.squish.dither.Dithering;
import dev.squish.pipeline.CompressionOptions;
import dev.squish.pipeline.EmOptions;
import dev.squish.pipeline.Method;
import dev.squish.quantize.gmm.Assignment;
import dev.squish.quantize.gmm.CovarianceType;
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

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = {"-k", "--k"}, paramLabel = "K", defaultValue = "256",
      description = "Number of colours, 1 to 256 (default: ${DEFAULT-VALUE}); with --method em also 'auto': fit"
          + " mixtures for k in --k-range and keep the one with the lowest BIC.")
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
      description = "With --k auto: the smallest and largest k tried, 1 to 256 (default: "
          + EmOptions.DEFAULT_MIN_K + "-" + EmOptions.DEFAULT_MAX_K + ").")
  String kRange;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
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

  /** The validated options; bad values end as a usage error naming the option. */
  CompressionOptions toCompressionOptions() {
    Method m;
    try {
      m = Method.byId(method);
    } catch (IllegalArgumentException e) {
      throw usage("--method must be kmeans or em, got '" + method + "'");
    }
    boolean auto = k.trim().equalsIgnoreCase("auto");
    if (m != Method.EM) {
      requireEm(auto, "--k auto");
      requireEm(covariance != null, "--covariance");
      requireEm(assign != null, "--assign");
      requireEm(kRange != null, "--k-range");
    }
    if (kRange != null && !auto) {
      throw usage("--k-range is used only with --k auto");
    }
    EmOptions em = emOptions(auto);
    int colors = auto ? em.maxK() : parseK(k);
    ColorSpace colorSpace;
    try {
      colorSpace = ColorSpace.byId(space);
    } catch (IllegalArgumentException e) {
      throw usage("--space must be srgb, linear, oklab or lab, got '" + space + "'");
    }
    return new CompressionOptions(m, colors, seed, colorSpace, dithering(), em);
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
    if (!(level >= 0 && level <= 1)) {
      throw usage("--dither-level must be from 0 to 1, got " + ditherLevel);
    }
    return kind == Dithering.Kind.NONE ? Dithering.NONE : new Dithering(kind, level);
  }

  private void requireEm(boolean given, String option) {
    if (given) {
      throw usage(option + " needs --method em (the method is " + method.toLowerCase(Locale.ROOT) + ")");
    }
  }

  private EmOptions emOptions(boolean auto) {
    EmOptions em = EmOptions.defaults();
    if (covariance != null) {
      try {
        em = em.withCovariance(CovarianceType.byId(covariance.trim()));
      } catch (IllegalArgumentException e) {
        throw usage("--covariance must be full, diag or spherical, got '" + covariance + "'");
      }
    }
    if (assign != null) {
      try {
        em = em.withAssignment(Assignment.byId(assign.trim()));
      } catch (IllegalArgumentException e) {
        throw usage("--assign must be nearest or map, got '" + assign + "'");
      }
    }
    if (auto) {
      em = kRange == null ? em.withAutoK(EmOptions.DEFAULT_MIN_K, EmOptions.DEFAULT_MAX_K) : parseRange(em);
    }
    return em;
  }

  private EmOptions parseRange(EmOptions em) {
    Matcher r = RANGE.matcher(kRange);
    if (!r.matches()) {
      throw usage("--k-range must be two whole numbers like 2-256, got '" + kRange + "'");
    }
    int lo = Integer.parseInt(r.group(1));
    int hi = Integer.parseInt(r.group(2));
    if (lo < 1 || hi > 256 || lo > hi) {
      throw usage("--k-range must satisfy 1 <= A <= B <= 256, got " + lo + "-" + hi);
    }
    return em.withAutoK(lo, hi);
  }

  private int parseK(String value) {
    int colors;
    try {
      colors = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw usage("--k must be a whole number from 1 to 256" + (method.equalsIgnoreCase("em") ? " or auto" : "")
          + ", got '" + value + "'");
    }
    if (colors < 1 || colors > 256) {
      throw usage("--k must be from 1 to 256, got " + colors);
    }
    return colors;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}

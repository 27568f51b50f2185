package dev.squish.cli;

import dev.squish.color.ColorSpace;
import dev.squish.dither.Dithering;
import dev.squish.pipeline.CompressionOptions;
import dev.squish.pipeline.Method;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options that decide the palette: what to cluster, how, into how many colours. */
final class QuantizerOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = {"-k", "--k"}, paramLabel = "K", defaultValue = "256",
      description = "Number of colours, 1 to 256 (default: ${DEFAULT-VALUE}).")
  String k;

  @Option(names = "--method", paramLabel = "METHOD", defaultValue = "kmeans",
      description = "Quantization method: kmeans (default: ${DEFAULT-VALUE}).")
  String method;

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
    int colors = parseK(k);
    Method m;
    try {
      m = Method.byId(method);
    } catch (IllegalArgumentException e) {
      throw usage("--method must be kmeans, got '" + method + "'");
    }
    ColorSpace colorSpace;
    try {
      colorSpace = ColorSpace.byId(space);
    } catch (IllegalArgumentException e) {
      throw usage("--space must be srgb, linear, oklab or lab, got '" + space + "'");
    }
    return new CompressionOptions(m, colors, seed, colorSpace, dithering());
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

  private int parseK(String value) {
    int colors;
    try {
      colors = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw usage("--k must be a whole number from 1 to 256, got '" + value + "'");
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

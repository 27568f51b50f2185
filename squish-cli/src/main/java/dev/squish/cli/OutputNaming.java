package dev.squish.cli;

import dev.squish.io.encode.OutputFormat;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How outputs are named: beside the input as {@code NAME-squish.png}, or mirrored under
 * {@code --output-dir}, with {@code --ext} replacing the suffix; and which names are squish's own
 * earlier outputs, which a folder scan leaves alone.
 */
final class OutputNaming {
  /** Default suffix of outputs written beside their input, before the format's extension. */
  static final String BESIDE_SUFFIX = "-squish";

  private OutputNaming() {}

  /** The suffix in effect: {@code --ext}, else {@code .png} in an output folder, {@code -squish.png} beside. */
  static String suffix(BatchPlan.Rules rules) {
    if (rules.ext() != null) {
      return rules.ext();
    }
    return rules.outputDir() != null ? rules.format().extension() : BESIDE_SUFFIX + rules.format().extension();
  }

  /**
   * The output of {@code input} (null: standard input), whose path relative to the folder it was
   * found in is {@code relative}; null for standard output.
   */
  static Path outputFor(BatchPlan.Rules rules, Path input, Path relative) {
    if (rules.output() != null) {
      return rules.output().equals("-") ? null : Path.of(rules.output());
    }
    if (input == null) {
      return null; // standard input without --output goes to standard output
    }
    String name = stem(relative) + suffix(rules);
    if (rules.outputDir() != null) {
      Path parent = relative.getParent();
      return parent == null ? rules.outputDir().resolve(name) : rules.outputDir().resolve(parent).resolve(name);
    }
    return input.resolveSibling(name);
  }

  /**
   * Outputs of an earlier run beside their inputs: names ending in the default suffixes
   * ({@code photo-squish.png}) or in this run's suffix when it is more than an extension.
   */
  static boolean isEarlierOutput(BatchPlan.Rules rules, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (OutputFormat f : OutputFormat.values()) {
      if (lower.endsWith(BESIDE_SUFFIX + f.extension())) {
        return true;
      }
    }
    String suffix = suffix(rules).toLowerCase(Locale.ROOT);
    // a bare extension (--ext .png, replacing in place) names inputs too; anything longer
    // (-small.png, .min.png) marks outputs
    return rules.outputDir() == null && !suffix.equals(rules.format().extension()) && lower.endsWith(suffix);
  }

  /** The file name without its last extension. */
  static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}

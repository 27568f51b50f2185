package dev.squish.cli;

import dev.squish.compress.SharedWeight;
import dev.squish.io.palette.PaletteFiles;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks --save-palette, --shared-palette and --shared-weight against each other and the rest,
 * before anything is done: a bad combination is a usage error naming the options.
 */
final class PaletteChecks {
  private final CommandSpec spec;
  private final PaletteOptions palette;
  private final QuantizerOptions quantizer;
  private final RunOptions run;

  PaletteChecks(CommandSpec spec, PaletteOptions palette, QuantizerOptions quantizer, RunOptions run) {
    this.spec = spec;
    this.palette = palette;
    this.quantizer = quantizer;
    this.run = run;
  }

  /** {@return how the images count in the shared palette}, checked; refused without --shared-palette */
  SharedWeight weight() {
    SharedWeight w;
    try {
      w = SharedWeight.byId(palette.sharedWeight);
    } catch (IllegalArgumentException e) {
      throw usage("--shared-weight must be pixels or image, got '" + palette.sharedWeight + "'");
    }
    if (!palette.sharedPalette && spec.commandLine().getParseResult().hasMatchedOption("--shared-weight")) {
      throw usage("--shared-weight is used only with --shared-palette");
    }
    return w;
  }

  /** Refuses what --shared-palette cannot do: a given palette, a quality target, standard input. */
  void checkShared(List<String> inputs) {
    if (!palette.sharedPalette) {
      return;
    }
    if (quantizer.palette != null) {
      throw usage("--shared-palette fits one palette to all inputs; --palette gives one: give one of them");
    }
    if (run.quality != null || run.maxDeltaE != null) {
      throw usage("--shared-palette cannot be combined with " + (run.quality != null ? "--quality" : "--max-delta-e")
          + ", which chooses k for each image on its own; give --k");
    }
    if (inputs.contains("-")) {
      throw usage("--shared-palette needs to read each input twice; standard input can be read once: give files");
    }
    if (run.keepProfile) {
      throw usage("--shared-palette needs every input in sRGB to share one palette; leave out --keep-profile");
    }
  }

  /**
   * {@return the --save-palette file, checked: a format squish writes, not a folder, not there unless --force};
   * null without the option
   */
  Path savePalette() {
    if (palette.savePalette == null) {
      return null;
    }
    String name = palette.savePalette;
    String lower = name.toLowerCase(Locale.ROOT);
    if (PaletteFiles.WRITE_EXTENSIONS.stream().noneMatch(lower::endsWith)) {
      throw usage("--save-palette must end in " + String.join(", ", PaletteFiles.WRITE_EXTENSIONS) + ", got '" + name
          + "'");
    }
    Path p;
    try {
      p = Path.of(name);
    } catch (InvalidPathException e) {
      throw usage("--save-palette is not a valid path: " + e.getReason());
    }
    if (Files.isDirectory(p)) {
      throw usage("--save-palette " + name + " is a folder");
    }
    Path parent = p.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw usage("--save-palette " + name + ": folder " + parent + " does not exist");
    }
    if (Files.exists(p) && !run.force) {
      throw usage("--save-palette " + name + " exists; use --force to overwrite it");
    }
    return p;
  }

  /** Refuses --save-palette for more than one image without --shared-palette: which palette would it be? */
  void checkSaveFor(BatchPlan plan) {
    if (palette.savePalette == null) {
      return;
    }
    Path file = Path.of(palette.savePalette).toAbsolutePath().normalize();
    for (PlanItem item : plan.items()) {
      if (item instanceof PlanItem.Planned p) {
        for (Path taken : new Path[] {p.task().input(), p.task().output()}) {
          if (taken != null && taken.toAbsolutePath().normalize().equals(file)) {
            throw usage("--save-palette " + palette.savePalette + " is also "
                + (taken == p.task().input() ? "an input" : "an output") + "; give the palette a name of its own");
          }
        }
      }
    }
    if (palette.sharedPalette) {
      return;
    }
    if (plan.items().size() > 1 || plan.hasFolders()) {
      throw usage("--save-palette writes one palette, but there are " + BatchPlan.count(plan.items().size(),
          "input") + ", each with its own; give one input, or add --shared-palette");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}

package dev.squish.cli;

import picocli.CommandLine.Option;

/** The options that share a palette between images and save the palette used. */
final class PaletteOptions {
  @Option(names = "--save-palette", paramLabel = "FILE",
      description = "Also write the palette used to FILE: .gpl, .act, .hex, .json or a swatch .png, as its name"
          + " says; give it back with --palette to remap other images to it. One input only, unless with"
          + " --shared-palette. Not overwritten without --force.")
  String savePalette;

  @Option(names = "--shared-palette",
      description = "Fit one palette to all inputs together (their histograms added up), then remap every image to"
          + " it: for sprites, map tiles or the frames of an animation. Each input is decoded twice. Works with"
          + " k-means and EM, --dither, --output-dir and --report; not with --quality, --max-delta-e, --palette or"
          + " standard input.")
  boolean sharedPalette;

  @Option(names = "--shared-weight", paramLabel = "pixels|image", defaultValue = "pixels",
      description = "With --shared-palette: pixels (every pixel counts once) or image (every image counts as much"
          + " as any other, so a small sprite is not drowned by a large one) (default: ${DEFAULT-VALUE}).")
  String sharedWeight;
}

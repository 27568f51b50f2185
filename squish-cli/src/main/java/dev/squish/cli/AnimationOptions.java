package dev.squish.cli;

import picocli.CommandLine.Option;

/** The options for animated GIF inputs. */
final class AnimationOptions {
  @Option(names = "--frame", paramLabel = "N", description = "Take frame N (from 1) of an animated GIF, composed as"
      + " a browser shows it, and compress it as a still image, in any output format. Without it an animated GIF"
      + " written as GIF keeps its animation (all frames, delays, loop count), and written as PNG is refused.")
  Integer frame;

  @Option(names = "--frame-palettes", description = "Animated GIF to GIF: fit a palette for each frame (local"
      + " colour tables) instead of one palette for all frames (the default: the frames' colours added up, one"
      + " fit, every frame remapped to it).")
  boolean framePalettes;
}

package dev.squish.cli;

import dev.squish.compress.CompressOptions;
import dev.squish.compress.QualityTarget;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.encode.PngOptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything the command line decided that applies to every file.
 *
 * @param compression what to do to the pixels, and which perceptual measures to take (--metrics)
 * @param limits decoding limits
 * @param png how to write PNG files
 * @param overwrite replace existing outputs (--force)
 * @param skipExisting skip inputs whose output exists (--skip-existing); never together with overwrite
 * @param makeFolders create missing output folders (true under --output-dir, which mirrors the input tree)
 * @param quality the quality that chooses k (--quality, --max-delta-e), with {@code compression.method().k()} as the
 *     largest k; null to use that k as it is
 * @param skipIfLarger write nothing when the output would not be smaller than the input (--skip-if-larger)
 * @param keepProfile keep the input's colours and write its profile into the output (--keep-profile)
 * @param strip write no metadata (--strip)
 * @param frame the frame of an animated GIF to take as a still image (--frame, from 1), or null for all frames
 * @param framePalettes fit a palette per frame of an animated GIF (--frame-palettes) instead of one for all
 * @param savePalette where to write the palette of the one output (--save-palette); null for none, and null when
 *     the palette is shared (the command saves it once)
 */
record Settings(CompressOptions compression, DecodeLimits limits, PngOptions png, boolean overwrite,
    boolean skipExisting, boolean makeFolders, QualityTarget quality, boolean skipIfLarger, boolean keepProfile,
    boolean strip, Integer frame, boolean framePalettes, Path savePalette) {

  Settings {
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(png, "png");
    if (overwrite && skipExisting) {
      throw new IllegalArgumentException("overwrite and skipExisting exclude each other");
    }
  }

  /** {@return these settings with the palette given ({@code Method.given}) and no palette to save} */
  Settings remappingTo(CompressOptions given) {
    return new Settings(given, limits, png, overwrite, skipExisting, makeFolders, quality, skipIfLarger, keepProfile,
        strip, frame, framePalettes, null);
  }

  /** {@return these settings, writing the one output's palette to {@code file} too} */
  Settings savingPaletteTo(Path file) {
    return new Settings(compression, limits, png, overwrite, skipExisting, makeFolders, quality, skipIfLarger,
        keepProfile, strip, frame, framePalettes, file);
  }
}

package dev.squish.cli;

import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.encode.PngOptions;
import dev.squish.pipeline.CompressionOptions;

/**
 * Everything the command line decided that applies to every file.
 *
 * @param compression what to do to the pixels
 * @param limits decoding limits
 * @param png how to write PNG files
 * @param overwrite replace existing outputs (--force)
 */
record Settings(CompressionOptions compression, DecodeLimits limits, PngOptions png, boolean overwrite) {}

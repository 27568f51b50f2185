package dev.squish.pipeline;

import dev.squish.color.ColorSpace;
import dev.squish.dither.Dithering;
import java.util.Objects;

/**
 * What to do to one image.
 *
 * @param method quantization method
 * @param colors palette size k, 1..256 (with {@link EmOptions#autoK()} the largest k, chosen by BIC instead)
 * @param seed seed of every random choice
 * @param space colour space the clustering runs in
 * @param dithering how pixels are mapped to the palette
 * @param em settings of {@link Method#EM}, ignored by the other methods
 */
public record CompressionOptions(Method method, int colors, long seed, ColorSpace space, Dithering dithering,
    EmOptions em) {
  /** Default palette size. */
  public static final int DEFAULT_COLORS = 256;
  /** Default seed: fixed, so that runs repeat. */
  public static final long DEFAULT_SEED = 1;

  public CompressionOptions {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(dithering, "dithering");
    Objects.requireNonNull(em, "em");
    if (colors < 1 || colors > 256) {
      throw new IllegalArgumentException("colors must be in 1..256, got " + colors);
    }
  }

  /** The options with the default {@link EmOptions}. */
  public CompressionOptions(Method method, int colors, long seed, ColorSpace space, Dithering dithering) {
    this(method, colors, seed, space, dithering, EmOptions.defaults());
  }

  /** k-means, sRGB, the default seed. */
  public static CompressionOptions kmeans(int colors) {
    return new CompressionOptions(Method.KMEANS, colors, DEFAULT_SEED, ColorSpace.SRGB, Dithering.NONE);
  }

  /** EM with full covariances and nearest-colour mapping, sRGB, the default seed. */
  public static CompressionOptions em(int colors) {
    return new CompressionOptions(Method.EM, colors, DEFAULT_SEED, ColorSpace.SRGB, Dithering.NONE);
  }

  public CompressionOptions withSeed(long newSeed) {
    return new CompressionOptions(method, colors, newSeed, space, dithering, em);
  }

  public CompressionOptions withColors(int newColors) {
    return new CompressionOptions(method, newColors, seed, space, dithering, em);
  }

  public CompressionOptions withSpace(ColorSpace newSpace) {
    return new CompressionOptions(method, colors, seed, newSpace, dithering, em);
  }

  public CompressionOptions withDithering(Dithering newDithering) {
    return new CompressionOptions(method, colors, seed, space, newDithering, em);
  }

  public CompressionOptions withEm(EmOptions newEm) {
    return new CompressionOptions(method, colors, seed, space, dithering, newEm);
  }
}

package dev.squish.color;

import dev.squish.quantize.ColorSpace;

/**
 * Maps packed {@code 0xAARRGGBB} colours to points of a working space in which squared
 * Euclidean distance is the error the quantizers minimize, and back. Implementations are
 * immutable and thread-safe.
 */
public interface ColorCoordinates {

  /**
   * The coordinates of {@code space}; with {@code alpha} a fourth coordinate holds opacity and the
   * colour coordinates are premultiplied by it, so that colours that are nearly invisible are
   * nearly equal and a fully transparent pixel has no colour at all.
   */
  static ColorCoordinates of(ColorSpace space, boolean alpha) {
    return switch (space) {
      case SRGB -> alpha ? SrgbCoordinates.PREMULTIPLIED_RGBA : SrgbCoordinates.RGB;
      case LINEAR -> new PerceptualCoordinates(PerceptualCoordinates.Space.LINEAR, alpha);
      case OKLAB -> new PerceptualCoordinates(PerceptualCoordinates.Space.OKLAB, alpha);
      case LAB -> new PerceptualCoordinates(PerceptualCoordinates.Space.LAB, alpha);
    };
  }

  /** Number of coordinates per colour (3, or 4 when alpha is a dimension). */
  int dimensions();

  /** Writes the point of {@code argb} into {@code out[offset .. offset + dimensions())}. */
  void toPoint(int argb, double[] out, int offset);

  /**
   * The 8-bit colour nearest to the point at {@code point[offset..]}: coordinates outside the
   * gamut are clamped, each channel is rounded to the nearest 8-bit value.
   */
  int toArgb(double[] point, int offset);
}

package dev.squish.color;

/**
 * Maps packed {@code 0xAARRGGBB} colours to points of a working space in which squared
 * Euclidean distance is the error the quantizers minimize, and back. Implementations are
 * immutable and thread-safe.
 */
public interface ColorCoordinates {

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

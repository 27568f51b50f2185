package dev.squish.color;

/** The spaces squish can cluster in. Distances in the space are what the quantizers minimize. */
public enum ColorSpace {
  /** The stored 8-bit sRGB values, unchanged: minimizing distance here maximizes PSNR. */
  SRGB;

  /**
   * Coordinates in this space; with {@code alpha} a fourth coordinate holds opacity and the
   * colour coordinates are premultiplied by it, so that colours that are nearly invisible are
   * nearly equal and a fully transparent pixel has no colour at all.
   */
  public ColorCoordinates coordinates(boolean alpha) {
    return alpha ? SrgbCoordinates.PREMULTIPLIED_RGBA : SrgbCoordinates.RGB;
  }
}

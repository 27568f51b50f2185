package dev.squish.color;

import java.util.Locale;

/**
 * The spaces squish can cluster in. Squared Euclidean distance in the space is the error the
 * quantizers minimize; the palette is converted back to 8-bit sRGB.
 */
public enum ColorSpace {
  /**
   * The stored 8-bit sRGB values, unchanged: minimizing distance here maximizes PSNR, the
   * default and the right choice when the output is judged by PSNR.
   */
  SRGB("srgb"),
  /**
   * Linear light: errors in bright colours count more, dark ones less. Averages of colours are
   * physically right (a blend of red and green pixels looks like their linear mean), which helps
   * for fine patterns seen from afar; shadows get fewer palette entries.
   */
  LINEAR("linear"),
  /**
   * Oklab (Ottosson 2020): a perceptually uniform space with a well-behaved hue; distances track
   * visible differences, so palettes spend entries where the eye sees them (often better mean
   * ΔE2000 at a small PSNR cost).
   */
  OKLAB("oklab"),
  /** CIE L*a*b* (D65): distance is ΔE*76; like Oklab, less uniform in blue hues. */
  LAB("lab");

  private final String id;

  ColorSpace(String id) {
    this.id = id;
  }

  /** The name used on the command line. */
  public String id() {
    return id;
  }

  /** The space named {@code id}, case-insensitive. */
  public static ColorSpace byId(String id) {
    for (ColorSpace s : values()) {
      if (s.id.equals(id.toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown colour space '" + id + "'");
  }

  /**
   * Coordinates in this space; with {@code alpha} a fourth coordinate holds opacity and the
   * colour coordinates are premultiplied by it, so that colours that are nearly invisible are
   * nearly equal and a fully transparent pixel has no colour at all.
   */
  public ColorCoordinates coordinates(boolean alpha) {
    return switch (this) {
      case SRGB -> alpha ? SrgbCoordinates.PREMULTIPLIED_RGBA : SrgbCoordinates.RGB;
      case LINEAR -> new PerceptualCoordinates(PerceptualCoordinates.Space.LINEAR, alpha);
      case OKLAB -> new PerceptualCoordinates(PerceptualCoordinates.Space.OKLAB, alpha);
      case LAB -> new PerceptualCoordinates(PerceptualCoordinates.Space.LAB, alpha);
    };
  }
}

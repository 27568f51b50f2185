package dev.squish.quantize;

import dev.squish.color.ColorCoordinates;
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
  SRGB,
  /**
   * Linear light: errors in bright colours count more, dark ones less. Averages of colours are
   * physically right (a blend of red and green pixels looks like their linear mean), which helps
   * for fine patterns seen from afar; shadows get fewer palette entries.
   */
  LINEAR,
  /**
   * Oklab (Ottosson 2020): a perceptually uniform space with a well-behaved hue; distances track
   * visible differences, so palettes spend entries where the eye sees them (often better mean
   * ΔE2000 at a small PSNR cost).
   */
  OKLAB,
  /** CIE L*a*b* (D65): distance is ΔE*76; like Oklab, less uniform in blue hues. */
  LAB;

  /**
   * {@return the name used on the command line and in reports: {@code srgb}, {@code linear}, {@code oklab} or {@code
   * lab}}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * {@return the space named {@code id}}
   *
   * @param id as {@link #id()} gives it, any case
   * @throws IllegalArgumentException naming the spaces when there is none of that name
   */
  public static ColorSpace byId(String id) {
    return Names.byId(values(), id, "colour space");
  }

  /** {@return the ids of every space, comma separated, for messages} */
  public static String ids() {
    return Names.ids(values());
  }

  /**
   * Writes the coordinates of the opaque colour {@code rgb} ({@code 0x..RRGGBB}, the top byte
   * ignored) in this space into {@code out[offset..offset+3)}, in the units the quantizers work
   * in: 0..255 for sRGB, linear light and Oklab lightness, L* 0..100 for L*a*b*.
   *
   * @param rgb the colour, {@code 0x..RRGGBB}
   * @param out where the three coordinates go
   * @param offset index in {@code out} of the first
   */
  public void toPoint(int rgb, double[] out, int offset) {
    ColorCoordinates.of(this, false).toPoint(rgb | 0xFF000000, out, offset);
  }
}

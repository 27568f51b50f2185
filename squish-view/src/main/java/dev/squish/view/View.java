package dev.squish.view;

/**
 * A direction to look at the colour cloud from, orthographic. The cloud's display frame has its
 * third axis pointing up (the grey axis for RGB spaces, lightness for Lab-like ones, see
 * {@link CloudSpace}); the camera turns {@code azimuth} degrees around that axis and rises
 * {@code elevation} degrees above the horizontal (90 looks straight down the up axis).
 *
 * @param azimuth degrees around the up axis
 * @param elevation degrees above the horizontal, -90..90
 */
public record View(double azimuth, double elevation) {

  /**
   * The three fixed angles of the plotted cloud: two from the side, one straight down the up axis.
   * The side views are 30 degrees off every azimuth at which an RGB primary (every 60 degrees) or a
   * Lab axis (every 90) points at the camera: from 60 degrees the red corner fell onto the grey axis.
   */
  public static final java.util.List<View> FIXED = java.util.List.of(new View(-30, 20), new View(30, 20),
      new View(0, 90));

  public View {
    if (!(elevation >= -90 && elevation <= 90)) {
      throw new IllegalArgumentException("elevation must be in -90..90 degrees, got " + elevation);
    }
    if (!Double.isFinite(azimuth)) {
      throw new IllegalArgumentException("azimuth must be finite, got " + azimuth);
    }
  }

  /**
   * The screen axes in display coordinates: row 0 points right, row 1 up on the screen, row 2
   * towards the camera ({@code [row * 3 + column]}).
   */
  public double[] axes() {
    double a = Math.toRadians(azimuth);
    double e = Math.toRadians(elevation);
    double ca = Math.cos(a);
    double sa = Math.sin(a);
    double ce = Math.cos(e);
    double se = Math.sin(e);
    return new double[] {
        ca, -sa, 0,
        se * sa, se * ca, ce,
        -ce * sa, -ce * ca, se};
  }

  /** A short name for file names and titles, e.g. {@code "az-30 el20"}. */
  public String label() {
    return String.format(java.util.Locale.ROOT, "azimuth %.0f°, elevation %.0f°", azimuth, elevation);
  }
}

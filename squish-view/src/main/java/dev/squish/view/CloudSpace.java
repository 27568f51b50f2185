package dev.squish.view;

import dev.squish.quantize.ColorSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the colour cloud of one {@link ColorSpace} is laid out for viewing: working-space
 * coordinates (those the quantizers cluster, without alpha) are centred on the sRGB gamut and
 * turned so that the third display axis points up (grey axis from black to white for the RGB
 * spaces, lightness for Oklab and L*a*b*), then scaled so that the gamut fits in a unit sphere.
 * Also the guide lines and labels drawn with the cloud: the RGB cube's edges, or the L, a and b
 * axes through the gamut. Immutable.
 */
public final class CloudSpace {
  /**
   * A guide line from {@code from} to {@code to}, working-space coordinates.
   *
   * @param from start point (3 coordinates)
   * @param to end point (3 coordinates)
   */
  public record Segment(double[] from, double[] to) {}

  /**
   * A text placed at a working-space point.
   *
   * @param at the point (3 coordinates)
   * @param text the label
   */
  public record Label(double[] at, String text) {}

  private final ColorSpace space;
  /** Rows: display x, y, z (up) as unit vectors in working coordinates. */
  private final double[] frame;
  private final double[] centre;
  private final double scale;
  private final List<Segment> guides = new ArrayList<>();
  private final List<Label> labels = new ArrayList<>();

  private CloudSpace(ColorSpace space) {
    this.space = space;
    double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    gamutBounds(lo, hi);
    centre = new double[] {(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, (lo[2] + hi[2]) / 2};
    double r2 = 0;
    for (int c = 0; c < 3; c++) {
      r2 += (hi[c] - lo[c]) * (hi[c] - lo[c]) / 4;
    }
    scale = 1 / Math.sqrt(r2);
    if (isRgb()) {
      double s2 = Math.sqrt(0.5);
      double s3 = Math.sqrt(1.0 / 3);
      double s6 = Math.sqrt(1.0 / 6);
      frame = new double[] {s2, -s2, 0, s6, s6, -2 * s6, s3, s3, s3};
      cubeGuides(lo, hi);
    } else {
      frame = new double[] {0, 1, 0, 0, 0, 1, 1, 0, 0};
      labAxes(lo, hi);
    }
  }

  /** The layout for {@code space}. */
  public static CloudSpace of(ColorSpace space) {
    return new CloudSpace(Objects.requireNonNull(space, "space"));
  }

  /** The space laid out. */
  public ColorSpace space() {
    return space;
  }

  /** Names of the three working coordinates, e.g. {@code R, G, B} or {@code L, a, b}. */
  public List<String> axisNames() {
    return switch (space) {
      case SRGB -> List.of("R", "G", "B");
      case LINEAR -> List.of("R linear", "G linear", "B linear");
      case OKLAB -> List.of("L (Oklab)", "a", "b");
      case LAB -> List.of("L*", "a*", "b*");
    };
  }

  /** Writes the working-space point of opaque colour {@code argb} into {@code out[offset..offset+3)}. */
  public void toPoint(int argb, double[] out, int offset) {
    space.toPoint(argb, out, offset);
  }

  /** Rows of the display frame (x, y, z up) in working coordinates, {@code [row * 3 + column]}. */
  public double[] frame() {
    return frame.clone();
  }

  /** The point the display is centred on, in working coordinates. */
  public double[] centre() {
    return centre.clone();
  }

  /** Factor that brings working-space distances to display units (the gamut fits a unit sphere). */
  public double scale() {
    return scale;
  }

  /** Lines drawn with the cloud: the RGB cube's edges, or the L, a and b axes. */
  public List<Segment> guides() {
    return List.copyOf(guides);
  }

  /** Texts drawn with the cloud: axis names, and black and white at the RGB cube's corners. */
  public List<Label> labels() {
    return List.copyOf(labels);
  }

  /**
   * The 2 x 3 matrix taking working-space offsets to screen offsets (right, up) for {@code view},
   * in display units: {@code [row * 3 + column]}. Also the matrix that projects a covariance:
   * {@code P Σ Pᵀ} is the covariance of the projected points, whose 2σ ellipse is the outline of
   * the 2σ ellipsoid seen from that side.
   */
  public double[] projection(View view) {
    double[] axes = view.axes();
    double[] p = new double[6];
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < 3; c++) {
        double s = 0;
        for (int j = 0; j < 3; j++) {
          s += axes[r * 3 + j] * frame[j * 3 + c];
        }
        p[r * 3 + c] = s * scale;
      }
    }
    return p;
  }

  /** Screen position (right, up) of the working-space point {@code point[offset..]} under {@code projection}. */
  public double[] project(double[] projection, double[] point, int offset) {
    double[] uv = new double[2];
    for (int r = 0; r < 2; r++) {
      double s = 0;
      for (int c = 0; c < 3; c++) {
        s += projection[r * 3 + c] * (point[offset + c] - centre[c]);
      }
      uv[r] = s;
    }
    return uv;
  }

  private boolean isRgb() {
    return space == ColorSpace.SRGB || space == ColorSpace.LINEAR;
  }

  /** Bounds of the sRGB gamut, from the cube's surface sampled every 16 levels. */
  private void gamutBounds(double[] lo, double[] hi) {
    double[] p = new double[3];
    for (int r = 0; r <= 256; r += 16) {
      for (int g = 0; g <= 256; g += 16) {
        for (int b = 0; b <= 256; b += 16) {
          int rr = Math.min(r, 255);
          int gg = Math.min(g, 255);
          int bb = Math.min(b, 255);
          toPoint((rr << 16) | (gg << 8) | bb, p, 0);
          for (int c = 0; c < 3; c++) {
            lo[c] = Math.min(lo[c], p[c]);
            hi[c] = Math.max(hi[c], p[c]);
          }
        }
      }
    }
  }

  private void cubeGuides(double[] lo, double[] hi) {
    for (int a = 0; a < 3; a++) {
      for (int corner = 0; corner < 4; corner++) {
        double[] from = new double[3];
        double[] to = new double[3];
        int other1 = (a + 1) % 3;
        int other2 = (a + 2) % 3;
        from[a] = lo[a];
        to[a] = hi[a];
        from[other1] = to[other1] = (corner & 1) == 0 ? lo[other1] : hi[other1];
        from[other2] = to[other2] = (corner & 2) == 0 ? lo[other2] : hi[other2];
        guides.add(new Segment(from, to));
      }
      double[] tip = lo.clone();
      tip[a] = hi[a];
      labels.add(new Label(tip, axisNames().get(a)));
    }
    labels.add(new Label(lo.clone(), "black"));
    labels.add(new Label(hi.clone(), "white"));
  }

  private void labAxes(double[] lo, double[] hi) {
    double mid = centre[0];
    guides.add(new Segment(new double[] {lo[0], 0, 0}, new double[] {hi[0], 0, 0}));
    guides.add(new Segment(new double[] {mid, lo[1], 0}, new double[] {mid, hi[1], 0}));
    guides.add(new Segment(new double[] {mid, 0, lo[2]}, new double[] {mid, 0, hi[2]}));
    labels.add(new Label(new double[] {hi[0], 0, 0}, axisNames().get(0)));
    labels.add(new Label(new double[] {mid, hi[1], 0}, "+" + axisNames().get(1)));
    labels.add(new Label(new double[] {mid, 0, hi[2]}, "+" + axisNames().get(2)));
  }
}

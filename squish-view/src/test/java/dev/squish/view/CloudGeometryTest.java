package dev.squish.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import dev.squish.quantize.ColorSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The layout and projections of the colour cloud, on cases worked out by hand. */
class CloudGeometryTest {

  @ParameterizedTest
  @EnumSource(ColorSpace.class)
  void blackIsBelowWhiteAndTheGreyAxisIsVerticalSeenFromTheSide(ColorSpace space) {
    CloudSpace layout = CloudSpace.of(space);
    double[] p = layout.projection(new View(37, 0));
    double[] black = new double[3];
    double[] white = new double[3];
    layout.toPoint(0xFF000000, black, 0);
    layout.toPoint(0xFFFFFFFF, white, 0);
    double[] b = layout.project(p, black, 0);
    double[] w = layout.project(p, white, 0);
    assertThat(w[1]).isGreaterThan(b[1] + 0.5);
    // (CIELAB white is a hair off a = b = 0: its D65 white point is rounded)
    assertThat(w[0]).isCloseTo(b[0], within(1e-3));
    // the gamut fits the unit sphere
    assertThat(Math.abs(w[1])).isLessThanOrEqualTo(1.0);
  }

  @Test
  void viewAxesAreOrthonormalAndRightHanded() {
    for (View v : View.FIXED) {
      double[] a = v.axes();
      for (int r = 0; r < 3; r++) {
        for (int s = 0; s < 3; s++) {
          double dot = a[r * 3] * a[s * 3] + a[r * 3 + 1] * a[s * 3 + 1] + a[r * 3 + 2] * a[s * 3 + 2];
          assertThat(dot).isCloseTo(r == s ? 1 : 0, within(1e-12));
        }
      }
      // right x up = towards the camera
      assertThat(a[1] * a[5] - a[2] * a[4]).isCloseTo(a[6], within(1e-12));
      assertThat(a[2] * a[3] - a[0] * a[5]).isCloseTo(a[7], within(1e-12));
      assertThat(a[0] * a[4] - a[1] * a[3]).isCloseTo(a[8], within(1e-12));
    }
    // from above, the camera looks down: "towards the camera" is up
    assertThat(new View(0, 90).axes()[8]).isCloseTo(1, within(1e-12));
  }

  @Test
  void aSphericalGaussianLooksLikeACircleOfTwoSigmaFromEverySide() {
    CloudSpace layout = CloudSpace.of(ColorSpace.SRGB);
    double sigma = 20;
    Component c = new Component(1, new double[] {100, 120, 140},
        new double[] {sigma * sigma, 0, 0, 0, sigma * sigma, 0, 0, 0, sigma * sigma});
    for (View v : View.FIXED) {
      double[] p = layout.projection(v);
      double[] centre = layout.project(p, c.mean(), 0);
      double[] o = c.outline(layout, p, 16);
      for (int i = 0; i < 17; i++) {
        double r = Math.hypot(o[2 * i] - centre[0], o[2 * i + 1] - centre[1]);
        assertThat(r).isCloseTo(2 * sigma * layout.scale(), within(1e-9));
      }
    }
  }

  @Test
  void anElongatedGaussianSeenAlongItsLongAxisIsSmall() {
    CloudSpace layout = CloudSpace.of(ColorSpace.LAB);
    // long along L (the up axis), thin across: from above it is a small circle, from the side a tall ellipse
    Component c = new Component(1, new double[] {50, 0, 0}, new double[] {400, 0, 0, 0, 1, 0, 0, 0, 1});
    double[] top = c.outline(layout, layout.projection(new View(0, 90)), 64);
    double[] side = c.outline(layout, layout.projection(new View(0, 0)), 64);
    assertThat(extent(top, 1)).isCloseTo(4 * layout.scale(), within(1e-9));
    assertThat(extent(side, 1)).isCloseTo(80 * layout.scale(), within(1e-9));
  }

  private static double extent(double[] outline, int axis) {
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (int i = axis; i < outline.length; i += 2) {
      lo = Math.min(lo, outline[i]);
      hi = Math.max(hi, outline[i]);
    }
    return hi - lo;
  }
}

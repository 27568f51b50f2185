package dev.squish.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.squish.quantize.ColorSpace;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ColorSpaceTest {

  /** Property: every sampled 8-bit colour survives the trip into the space and back. */
  @ParameterizedTest
  @EnumSource(ColorSpace.class)
  void eightBitColoursRoundTrip(ColorSpace space) {
    SplittableRandom r = new SplittableRandom(space.ordinal());
    for (boolean alpha : new boolean[] {false, true}) {
      ColorCoordinates c = ColorCoordinates.of(space, alpha);
      double[] p = new double[c.dimensions()];
      for (int t = 0; t < 20000; t++) {
        int a = alpha ? 1 + r.nextInt(255) : 255;
        int argb = (a << 24) | r.nextInt(1 << 24);
        if (t < 8) {
          argb = (a << 24) | ((t & 1) * 0xFF0000) | ((t >> 1 & 1) * 0xFF00) | ((t >> 2 & 1) * 0xFF);
        }
        c.toPoint(argb, p, 0);
        int back = c.toArgb(p, 0);
        if (a == 255) {
          assertThat(Integer.toHexString(back)).isEqualTo(Integer.toHexString(argb));
        } else {
          // premultiplied: low alphas cannot hold every colour; the visible colour must survive;
          // alphas from 250 up are written opaque (SrgbCoordinates.OPAQUE_FROM)
          assertThat(back >>> 24).isEqualTo(a >= 250 ? 255 : a);
          for (int s = 0; s < 24; s += 8) {
            int got = (back >>> s) & 0xFF;
            int want = (argb >>> s) & 0xFF;
            // a nearly opaque pixel made opaque keeps its straight colour
            double scale = a >= 250 ? 1 : a / 255.0;
            assertThat(Math.abs(got - want) * scale).as("visible channel").isLessThanOrEqualTo(1.0);
          }
        }
      }
    }
  }

  @Test
  void knownValues() {
    double[] p = new double[3];
    Srgb.toLab(0xFFFFFF, p, 0);
    assertThat(p[0]).isCloseTo(100, within(1e-3));
    Srgb.toLab(0xFF0000, p, 0);
    assertThat(p).containsExactly(new double[] {53.2408, 80.0925, 67.2032}, within(1e-3));
    Srgb.linearToOklab(1, 0, 0, p, 0);
    assertThat(p).containsExactly(new double[] {0.627955, 0.224863, 0.125846}, within(1e-5));
    Srgb.linearToOklab(1, 1, 1, p, 0);
    assertThat(p).containsExactly(new double[] {1, 0, 0}, within(1e-6));
  }

  @Test
  void opaqueCoordinatesOfTheSpaceAreThoseItsQuantizersUse() {
    double[] a = new double[3];
    double[] b = new double[3];
    for (ColorSpace space : ColorSpace.values()) {
      space.toPoint(0x123456, a, 0);
      ColorCoordinates.of(space, false).toPoint(0xFF123456, b, 0);
      assertThat(a).containsExactly(b);
    }
  }

  @Test
  void spacesAreNamedByTheirIds() {
    for (ColorSpace space : ColorSpace.values()) {
      assertThat(ColorSpace.byId(space.id().toUpperCase(java.util.Locale.ROOT))).isSameAs(space);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ColorSpace.byId("cmyk"))
        .hasMessage("unknown colour space 'cmyk'; choose from srgb, linear, oklab, lab");
  }

  @Test
  void transparentIsOnePointInEverySpace() {
    for (ColorSpace space : ColorSpace.values()) {
      ColorCoordinates c = ColorCoordinates.of(space, true);
      double[] a = new double[4];
      double[] b = new double[4];
      c.toPoint(0x00FF0000, a, 0);
      c.toPoint(0x0000FF00, b, 0);
      for (int i = 0; i < 4; i++) {
        assertThat(a[i] == b[i]).as("%s coordinate %d: %s vs %s", space, i, a[i], b[i]).isTrue();
      }
      assertThat(c.toArgb(a, 0)).isZero();
    }
  }
}

package dev.squish.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DitheringTest {
  @Test
  void diffusingNothingIsNoDithering() {
    assertThat(new Dithering(Dithering.Kind.NONE, 0.5)).isEqualTo(Dithering.NONE);
    assertThat(Dithering.floydSteinberg(0)).isEqualTo(Dithering.NONE);
    assertThat(Dithering.floydSteinberg(-0.0)).isEqualTo(Dithering.NONE);
    assertThat(Dithering.of(Dithering.Kind.NONE, 7)).isEqualTo(Dithering.NONE);
    assertThat(Dithering.floydSteinberg(0.25).isNone()).isFalse();
    assertThat(Dithering.floydSteinberg(0.25).kind()).isEqualTo(Dithering.Kind.FLOYD_STEINBERG);
  }

  @Test
  void aLevelOutOfRangeIsRefused() {
    assertThatThrownBy(() -> Dithering.floydSteinberg(1.5)).hasMessageContaining("level must be in 0..1, got 1.5");
    assertThatThrownBy(() -> Dithering.floydSteinberg(Double.NaN)).hasMessageContaining("got NaN");
  }
}

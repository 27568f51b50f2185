package dev.squish.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squish.histogram.ColorHistogram;
import dev.squish.testkit.TestImages;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ColorSampleTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234567})
  void drawsEveryPixelEquallyLikelySoColoursAreHitInProportionToTheirCount(long seed) {
    ColorHistogram h = ColorHistogram.of(TestImages.load(TestImages.CHELSEA));
    int draws = 3000;
    ColorSample s = ColorSample.of(h, draws, seed);
    assertThat(Arrays.stream(s.hits()).sum()).isEqualTo(draws);
    int[] idx = s.indices();
    for (int i = 1; i < idx.length; i++) {
      assertThat(idx[i]).isGreaterThan(idx[i - 1]);
    }
    // systematic sampling: each colour gets floor or ceil of its expected number of hits (give or take one)
    double step = (double) h.totalCount() / draws;
    for (int i = 0; i < s.size(); i++) {
      double expected = h.count(s.indexOf(i)) / step;
      assertThat((double) s.hitsOf(i)).isBetween(Math.floor(expected) - 1, Math.ceil(expected) + 1);
    }
    assertThat(ColorSample.of(h, draws, seed)).usingRecursiveComparison().isEqualTo(s);
  }

  @Test
  void everyColourMoreCommonThanOneDrawIsDrawn() {
    ColorHistogram h = ColorHistogram.of(new int[] {0xFF000000, 0xFFFF0000, 0xFF00FF00, 0xFF0000FF},
        new int[] {1000, 500, 250, 1});
    ColorSample s = ColorSample.of(h, 100, 7);
    assertThat(s.size()).isGreaterThanOrEqualTo(3);
    assertThat(s.hitsOf(0)).isBetween(56, 58); // black: 1000/1751 of 100 draws
  }

  @Test
  void leavesOutFullyTransparentPixels() {
    ColorHistogram h = ColorHistogram.of(new int[] {0x00000000, 0xFF102030}, new int[] {900, 100});
    ColorSample s = ColorSample.of(h, 50, 1);
    assertThat(s.size()).isEqualTo(1);
    assertThat(s.color(0)).isEqualTo(0xFF102030);
    assertThat(s.hitsOf(0)).isEqualTo(50);
  }

  @Test
  void rejectsNoDraws() {
    ColorHistogram h = ColorHistogram.of(new int[] {0xFF000000}, new int[] {1});
    assertThatThrownBy(() -> ColorSample.of(h, 0, 1)).hasMessage("draws must be >= 1, got 0");
  }
}

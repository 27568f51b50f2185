package dev.squish.histogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.squish.image.RgbaImage;
import dev.squish.testkit.TestImages;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ColorHistogramTest {

  @Test
  void countsEachDistinctColourOnce() {
    int[] px = {0xFF000000, 0xFFFFFFFF, 0xFF000000, 0xFF102030, 0xFFFFFFFF, 0xFF000000};
    ColorHistogram h = ColorHistogram.of(RgbaImage.of(3, 2, px));
    assertThat(h.size()).isEqualTo(3);
    assertThat(h.totalCount()).isEqualTo(6);
    assertThat(h.count(h.indexOf(0xFF000000))).isEqualTo(3);
    assertThat(h.count(h.indexOf(0xFFFFFFFF))).isEqualTo(2); // -1 as an int: the table's special key
    assertThat(h.count(h.indexOf(0xFF102030))).isEqualTo(1);
    assertThat(h.indexOf(0xFF123456)).isEqualTo(-1);
  }

  @Test
  void fullyTransparentPixelsAreOneColour() {
    int[] px = {0x00FF0000, 0x0000FF00, 0x80FF0000, 0xFF00FF00};
    ColorHistogram h = ColorHistogram.of(RgbaImage.of(2, 2, px));
    assertThat(h.size()).isEqualTo(3);
    assertThat(h.count(h.indexOf(0))).isEqualTo(2);
    assertThat(h.indexOf(0x00123456)).isEqualTo(h.indexOf(0));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 1000, 3_000_000})
  void matchesNaiveCountingOnRandomImages(int pixels) {
    SplittableRandom r = new SplittableRandom(pixels);
    int[] px = new int[pixels];
    for (int i = 0; i < pixels; i++) {
      // few distinct values so that counts are large, plus the colour that collides with the empty marker
      px[i] = r.nextInt(10) == 0 ? -1 : 0xFF000000 | r.nextInt(5000) * 3;
    }
    Map<Integer, Integer> naive = new HashMap<>();
    for (int p : px) {
      naive.merge(p, 1, Integer::sum);
    }
    ColorHistogram h = ColorHistogram.of(RgbaImage.of(pixels, 1, px));
    assertThat(h.size()).isEqualTo(naive.size());
    for (int i = 0; i < h.size(); i++) {
      assertThat(h.count(i)).isEqualTo(naive.get(h.color(i)).longValue());
      assertThat(h.indexOf(h.color(i))).isEqualTo(i);
      if (i > 0) {
        assertThat(h.color(i)).isGreaterThan(h.color(i - 1));
      }
    }
  }

  @Test
  void explicitHistogramRejectsDuplicatesAndNonPositiveCounts() {
    assertThatThrownBy(() -> ColorHistogram.of(new int[] {0xFF000001, 0xFF000001}, new long[] {1, 1}))
        .hasMessageContaining("appears twice");
    assertThatThrownBy(() -> ColorHistogram.of(new int[] {1}, new long[] {0}))
        .hasMessageContaining("must be > 0");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234567})
  void sampleDrawsEveryPixelEquallyLikelySoColoursAreHitInProportionToTheirCount(long seed) {
    ColorHistogram h = ColorHistogram.of(TestImages.load(TestImages.CHELSEA, RgbaImage::of));
    int draws = 3000;
    ColorHistogram s = h.sample(draws, seed);
    assertThat(s.totalCount()).isEqualTo(draws);
    // systematic sampling: each colour gets floor or ceil of its expected number of hits (give or take one)
    double step = (double) h.totalCount() / draws;
    for (int i = 0; i < s.size(); i++) {
      double expected = h.count(h.indexOf(s.color(i))) / step;
      assertThat((double) s.count(i)).isBetween(Math.floor(expected) - 1, Math.ceil(expected) + 1);
    }
    ColorHistogram again = h.sample(draws, seed);
    assertThat(again.colors()).containsExactly(s.colors());
    assertThat(again.counts()).containsExactly(s.counts());
  }

  @Test
  void sampleDrawsEveryColourMoreCommonThanOneDraw() {
    ColorHistogram h = ColorHistogram.of(new int[] {0xFF000000, 0xFFFF0000, 0xFF00FF00, 0xFF0000FF},
        new long[] {1000, 500, 250, 1});
    ColorHistogram s = h.sample(100, 7);
    assertThat(s.size()).isGreaterThanOrEqualTo(3);
    assertThat(s.count(s.indexOf(0xFF000000))).isBetween(56L, 58L); // black: 1000/1751 of 100 draws
  }

  @Test
  void sampleLeavesOutFullyTransparentPixels() {
    ColorHistogram h = ColorHistogram.of(new int[] {0x00000000, 0xFF102030}, new long[] {900, 100});
    ColorHistogram s = h.sample(50, 1);
    assertThat(s.colors()).containsExactly(0xFF102030);
    assertThat(s.counts()).containsExactly(50);
    assertThat(ColorHistogram.of(new int[] {0}, new long[] {5}).sample(10, 1).size()).isZero();
  }

  @Test
  void sampleRejectsNoDraws() {
    ColorHistogram h = ColorHistogram.of(new int[] {0xFF000000}, new long[] {1});
    assertThatThrownBy(() -> h.sample(0, 1)).hasMessage("draws must be >= 1, got 0");
  }
}

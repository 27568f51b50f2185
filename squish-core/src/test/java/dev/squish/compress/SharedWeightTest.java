package dev.squish.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squish.histogram.ColorHistogram;
import dev.squish.image.RgbaImage;
import dev.squish.testkit.TestImages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The sums behind a shared palette: order-independent, and {@link SharedWeight#IMAGE}'s scaling. */
class SharedWeightTest {
  private static ColorHistogram crop(String photo, int x, int y, int w, int h) {
    TestImages.Pixels p = TestImages.pixels(photo);
    int[] argb = new int[w * h];
    for (int r = 0; r < h; r++) {
      System.arraycopy(p.argb(), (y + r) * p.width() + x, argb, r * w, w);
    }
    return ColorHistogram.of(RgbaImage.of(w, h, argb));
  }

  private static List<ColorHistogram> randomCrops(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<ColorHistogram> parts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int w = 8 + rnd.nextInt(120);
      int h = 8 + rnd.nextInt(120);
      String photo = TestImages.PHOTOS.get(rnd.nextInt(TestImages.PHOTOS.size()));
      TestImages.Pixels p = TestImages.pixels(photo);
      parts.add(crop(photo, rnd.nextInt(p.width() - w), rnd.nextInt(p.height() - h), w, h));
    }
    return parts;
  }

  private static void assertSame(ColorHistogram a, ColorHistogram b) {
    assertThat(a.colors()).isEqualTo(b.colors());
    assertThat(a.counts()).isEqualTo(b.counts());
    assertThat(a.hiddenColor()).isEqualTo(b.hiddenColor());
  }

  private static ColorHistogram weightedSum(List<ColorHistogram> parts, SharedWeight weight) {
    return ColorHistogram.sum(parts.stream().map(weight::apply).toList());
  }

  /** Property: any order or grouping of the parts, weighted either way, gives the same histogram. */
  @RepeatedTest(8)
  void sumsDoNotDependOnTheOrderOrGroupingOfTheImages(RepetitionInfo info) {
    List<ColorHistogram> parts = randomCrops(info.getCurrentRepetition());
    List<ColorHistogram> shuffled = new ArrayList<>(parts);
    Collections.shuffle(shuffled, new Random(info.getCurrentRepetition()));
    for (SharedWeight weight : SharedWeight.values()) {
      ColorHistogram all = weightedSum(parts, weight);
      assertSame(all, weightedSum(shuffled, weight));
      ColorHistogram grouped = ColorHistogram.sum(List.of(weightedSum(shuffled.subList(0, 2), weight),
          weightedSum(shuffled.subList(2, shuffled.size()), weight)));
      assertSame(all, grouped);
    }
  }

  /** Property: under IMAGE each part adds up to IMAGE_PIXELS, each count within half a pixel, no colour lost. */
  @RepeatedTest(8)
  void imageWeightGivesEveryImageTheSameTotal(RepetitionInfo info) {
    for (ColorHistogram p : randomCrops(100 + info.getCurrentRepetition())) {
      ColorHistogram s = SharedWeight.IMAGE.apply(p);
      assertThat(s.colors()).isEqualTo(p.colors());
      double exact = (double) SharedWeight.IMAGE_PIXELS / p.totalCount();
      for (int j = 0; j < p.size(); j++) {
        assertThat(s.count(j)).isGreaterThanOrEqualTo(1);
        assertThat((double) s.count(j)).isCloseTo(p.count(j) * exact, Offset.offset(0.5 + 1e-6));
      }
      assertThat((double) s.totalCount()).isCloseTo(SharedWeight.IMAGE_PIXELS, Offset.offset(p.size() / 2.0 + 1));
    }
  }

  @Test
  void pixelWeightLeavesTheHistogramAsItIs() {
    ColorHistogram p = randomCrops(7).get(0);
    assertThat(SharedWeight.PIXELS.apply(p)).isSameAs(p);
  }

  @Test
  void scalingKeepsTheHiddenColourOfTransparentPixels() {
    TestImages.Pixels p = TestImages.pixels(TestImages.LOGO_TRANSPARENT);
    ColorHistogram logo = ColorHistogram.of(RgbaImage.of(p.width(), p.height(), p.argb()));
    ColorHistogram scaled = logo.scaledTo(logo.totalCount() * 3);
    assertThat(logo.hiddenColor()).isNotZero();
    assertThat(scaled.hiddenColor()).isEqualTo(logo.hiddenColor());
    assertThat(scaled.count(scaled.indexOf(0))).isEqualTo(3 * logo.count(logo.indexOf(0)));
  }

  @Test
  void largeCountsScaleExactly() {
    ColorHistogram big = ColorHistogram.of(new int[] {0xff102030, 0xff405060}, new long[] {3_000_000_000L, 1});
    ColorHistogram s = big.scaledTo(1L << 31);
    assertThat(s.count(0)).isEqualTo(Math.round(3_000_000_000.0 * (1L << 31) / 3_000_000_001.0));
    assertThat(s.count(1)).isEqualTo(1);
  }

  @Test
  void namesAreTheCommandLines() {
    assertThat(SharedWeight.byId(" Image ")).isEqualTo(SharedWeight.IMAGE);
    assertThat(SharedWeight.PIXELS.id()).isEqualTo("pixels");
    assertThatThrownBy(() -> SharedWeight.byId("area")).hasMessageContaining("pixels or image");
  }
}

package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.histogram.ColorHistogram;
import dev.squish.image.RgbaImage;
import dev.squish.testkit.TestImages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The sums behind --shared-palette: order-independent, and --shared-weight image's scaling. */
class SharedPaletteTest {
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

  /** Property: any order of the parts, weighted either way, gives the same histogram. */
  @RepeatedTest(8)
  void sumsDoNotDependOnTheOrderOfTheImages(org.junit.jupiter.api.RepetitionInfo info) {
    List<ColorHistogram> parts = randomCrops(info.getCurrentRepetition());
    List<ColorHistogram> shuffled = new ArrayList<>(parts);
    Collections.shuffle(shuffled, new java.util.Random(info.getCurrentRepetition()));
    assertSame(ColorHistogram.sum(parts), ColorHistogram.sum(shuffled));
    assertSame(ColorHistogram.sum(SharedPalette.equalized(parts)), ColorHistogram.sum(SharedPalette.equalized(
        shuffled)));
  }

  /** Property: each part scaled to the largest's total, within half a pixel per colour, no colour lost. */
  @RepeatedTest(8)
  void imageWeightGivesEveryImageTheLargestsTotal(org.junit.jupiter.api.RepetitionInfo info) {
    List<ColorHistogram> parts = randomCrops(100 + info.getCurrentRepetition());
    long largest = parts.stream().mapToLong(ColorHistogram::totalCount).max().orElseThrow();
    List<ColorHistogram> scaled = SharedPalette.equalized(parts);
    for (int i = 0; i < parts.size(); i++) {
      ColorHistogram p = parts.get(i);
      ColorHistogram s = scaled.get(i);
      assertThat(s.colors()).isEqualTo(p.colors());
      double exact = (double) largest / p.totalCount();
      for (int j = 0; j < p.size(); j++) {
        assertThat(s.count(j)).isGreaterThanOrEqualTo(1);
        assertThat((double) s.count(j)).isCloseTo(Math.max(1, p.count(j) * exact),
            org.assertj.core.data.Offset.offset(0.5 + 1e-9));
      }
      assertThat((double) s.totalCount()).isCloseTo(largest, org.assertj.core.data.Offset.offset(p.size() / 2.0 + 1));
    }
  }

  @Test
  void scalingKeepsTheHiddenColourOfTransparentPixels() {
    TestImages.Pixels p = TestImages.pixels(TestImages.LOGO_TRANSPARENT);
    ColorHistogram logo = ColorHistogram.of(RgbaImage.of(p.width(), p.height(), p.argb()));
    ColorHistogram scaled = SharedPalette.scaled(logo, logo.totalCount() * 3);
    assertThat(scaled.hiddenColor()).isEqualTo(logo.hiddenColor());
    assertThat(scaled.count(scaled.indexOf(0))).isEqualTo(3 * logo.count(logo.indexOf(0)));
  }
}

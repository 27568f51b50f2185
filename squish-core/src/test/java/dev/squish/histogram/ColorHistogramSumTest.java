package dev.squish.histogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.squish.image.RgbaImage;
import dev.squish.testkit.TestImages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Histograms that add up: the histogram of many images, for one palette fitted to all of them. */
class ColorHistogramSumTest {

  @ParameterizedTest
  @ValueSource(strings = {TestImages.CHELSEA, TestImages.LOGO_TRANSPARENT})
  void partsOfAnImageAddUpToTheWholeImage(String name) {
    RgbaImage whole = TestImages.load(name, RgbaImage::of);
    List<ColorHistogram> parts = new ArrayList<>();
    int[] cuts = {0, whole.height() / 5, whole.height() / 2, whole.height() / 2 + 1, whole.height()};
    for (int i = 0; i + 1 < cuts.length; i++) {
      parts.add(ColorHistogram.of(rows(whole, cuts[i], cuts[i + 1])));
    }
    assertSame(ColorHistogram.sum(parts), ColorHistogram.of(whole));
  }

  @Test
  void theOrderAndGroupingOfThePartsDoNotMatter() {
    RgbaImage logo = TestImages.load(TestImages.LOGO_TRANSPARENT, RgbaImage::of);
    List<ColorHistogram> parts = new ArrayList<>();
    for (int y = 0; y < logo.height(); y += 7) {
      parts.add(ColorHistogram.of(rows(logo, y, Math.min(logo.height(), y + 7))));
    }
    ColorHistogram inOrder = ColorHistogram.sum(parts);
    Collections.shuffle(parts, new Random(3));
    assertSame(ColorHistogram.sum(parts), inOrder);
    ColorHistogram grouped = ColorHistogram.sum(List.of(ColorHistogram.sum(parts.subList(0, 5)),
        ColorHistogram.sum(parts.subList(5, parts.size()))));
    assertSame(grouped, inOrder);
  }

  @Test
  void aHistogramTakenApartIsWholeAgainHiddenColourIncluded() {
    ColorHistogram hidden = ColorHistogram.of(RgbaImage.of(3, 1, new int[] {0x00FF0000, 0x000000FF, 0xFF102030}));
    assertThat(hidden.hiddenSums()).containsExactly(255, 0, 255);
    ColorHistogram rebuilt = ColorHistogram.of(hidden.colors(), hidden.counts(), hidden.hiddenSums());
    assertThat(rebuilt.hiddenColor()).isEqualTo(hidden.hiddenColor()).isEqualTo(0x800080);
    assertThat(ColorHistogram.of(hidden.colors(), hidden.counts()).hiddenColor()).as("lost without the sums")
        .isNotEqualTo(hidden.hiddenColor());
    ColorHistogram logo = ColorHistogram.of(TestImages.load(TestImages.LOGO_TRANSPARENT, RgbaImage::of));
    ColorHistogram again = ColorHistogram.of(logo.colors(), logo.counts(), logo.hiddenSums());
    assertSame(again, logo);
    assertThat(again.hiddenSums()).containsExactly(logo.hiddenSums());
    // what a distributed sum does: parts shipped apart, rebuilt and added, equal to the sum of the originals
    ColorHistogram chelsea = ColorHistogram.of(TestImages.load(TestImages.CHELSEA, RgbaImage::of));
    assertSame(ColorHistogram.sum(List.of(again, ColorHistogram.of(chelsea.colors(), chelsea.counts(),
        chelsea.hiddenSums()))), ColorHistogram.sum(List.of(logo, chelsea)));
    assertThatThrownBy(() -> ColorHistogram.of(new int[] {0xFF000000}, new long[] {1}, new long[2]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 sums");
  }

  @Test
  void countsAddUpBeyondTheRangeOfAnInt() {
    ColorHistogram big = ColorHistogram.of(new int[] {0xFF102030, 0xFFFFFFFF}, new long[] {Integer.MAX_VALUE, 1});
    ColorHistogram sum = ColorHistogram.sum(List.of(big, big, big));
    assertThat(sum.count(sum.indexOf(0xFF102030))).isEqualTo(3L * Integer.MAX_VALUE);
    assertThat(sum.totalCount()).isEqualTo(3L * Integer.MAX_VALUE + 3);
  }

  @Test
  void theHiddenColourIsTheMeanUnderEveryTransparentPixel() {
    // 1 pixel of hidden red and 3 of hidden blue: the mean is a quarter red, three quarters blue
    ColorHistogram red = ColorHistogram.of(RgbaImage.of(1, 1, new int[] {0x00FF0000}));
    ColorHistogram blue = ColorHistogram.of(RgbaImage.of(3, 1, new int[] {0x000000FF, 0x000000FF, 0x000000FF}));
    ColorHistogram sum = ColorHistogram.sum(List.of(red, blue));
    assertThat(sum.hiddenColor()).isEqualTo(64 << 16 | 191);
    assertThat(sum.count(sum.indexOf(0))).isEqualTo(4);
  }

  @Test
  void explicitTransparentColoursAreMergedLikePixels() {
    ColorHistogram h = ColorHistogram.of(new int[] {0x00FF0000, 0xFF336699, 0x000000FF}, new long[] {1, 5, 3});
    assertThat(h.size()).isEqualTo(2);
    assertThat(h.indexOf(0x00FF0000)).isEqualTo(h.indexOf(0)).isEqualTo(h.indexOf(0x000000FF));
    assertThat(h.count(h.indexOf(0))).isEqualTo(4);
    assertThat(h.hiddenColor()).isEqualTo(64 << 16 | 191);
  }

  @Test
  void nothingToAddUpIsRefused() {
    assertThatThrownBy(() -> ColorHistogram.sum(List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no histogram");
  }

  private static RgbaImage rows(RgbaImage image, int from, int to) {
    int[] px = new int[(to - from) * image.width()];
    image.copyPixels(from * image.width(), px, px.length);
    return RgbaImage.of(image.width(), to - from, px);
  }

  private static void assertSame(ColorHistogram actual, ColorHistogram expected) {
    assertThat(actual.colors()).containsExactly(expected.colors());
    assertThat(actual.counts()).containsExactly(expected.counts());
    assertThat(actual.totalCount()).isEqualTo(expected.totalCount());
    assertThat(actual.hiddenColor()).isEqualTo(expected.hiddenColor());
  }
}

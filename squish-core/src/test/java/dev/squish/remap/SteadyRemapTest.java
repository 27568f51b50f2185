package dev.squish.remap;

import static org.assertj.core.api.Assertions.assertThat;
import dev.squish.image.IndexedImage;
import dev.squish.image.Palette;
import dev.squish.image.RgbaImage;
import dev.squish.testkit.TestImages;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The remap steadied for LZW: longer runs and unchanged pixels, each within its bound. */
class SteadyRemapTest {

  private static RgbaImage crop(RgbaImage photo, int x0, int y0, int w, int h) {
    int[] px = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        px[y * w + x] = photo.argb((y0 + y) * photo.width() + x0 + x);
      }
    }
    return RgbaImage.of(w, h, px);
  }

  private static Palette randomPalette(SplittableRandom r, int k) {
    int[] c = new int[k];
    for (int i = 0; i < k; i++) {
      c[i] = 0xFF000000 | r.nextInt(0x1000000);
    }
    return Palette.of(c);
  }

  private static IndexedImage nearest(RgbaImage image, Palette palette) {
    byte[] idx = new byte[image.pixelCount()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = (byte) nearestIndex(image.argb(i), palette);
    }
    return IndexedImage.of(image.width(), image.height(), palette, idx);
  }

  private static int nearestIndex(int c, Palette palette) {
    int best = 0;
    for (int j = 1; j < palette.size(); j++) {
      if (SteadyRemap.distance(c, palette.color(j)) < SteadyRemap.distance(c, palette.color(best))) {
        best = j;
      }
    }
    return best;
  }

  /** Property: over photos, palettes and slacks, each pixel is its nearest entry or within its bound. */
  @ParameterizedTest
  @ValueSource(strings = {TestImages.CHELSEA, TestImages.BABOON, TestImages.GRACE_HOPPER})
  void neverPicksAnEntryWorseThanItsBound(String name) {
    RgbaImage photo = TestImages.load(name, RgbaImage::of);
    SplittableRandom r = new SplittableRandom(name.hashCode());
    for (int trial = 0; trial < 12; trial++) {
      Palette palette = randomPalette(r, 2 + r.nextInt(60));
      int x = r.nextInt(photo.width() - 64);
      int y = r.nextInt(photo.height() - 48);
      RgbaImage before = crop(photo, x, y, 64, 48);
      RgbaImage now = crop(photo, Math.min(x + r.nextInt(4), photo.width() - 64), y, 64, 48);
      double slack = r.nextDouble() * 2000;
      IndexedImage previous = SteadyRemap.steady(before, nearest(before, palette), null, slack);
      IndexedImage out = SteadyRemap.steady(now, nearest(now, palette), previous, slack);
      for (int i = 0; i < out.pixelCount(); i++) {
        int c = now.argb(i);
        int best = SteadyRemap.distance(c, palette.color(nearestIndex(c, palette)));
        int got = SteadyRemap.distance(c, palette.color(out.index(i)));
        boolean fromBefore = out.index(i) == previous.index(i);
        boolean fromLeft = i % 64 > 0 && out.index(i) == out.index(i - 1);
        double bound = fromBefore ? Math.max(SteadyRemap.FLOOR, fromLeft ? slack : 0) : fromLeft ? slack : 0;
        assertThat((double) got).as("pixel %d, trial %d", i, trial).isLessThanOrEqualTo(best + bound);
      }
    }
  }

  @Test
  void aFrameLikeTheOneBeforeKeepsItsEntriesAndRunsGetLonger() {
    RgbaImage photo = TestImages.load(TestImages.CHELSEA, RgbaImage::of);
    RgbaImage frame = crop(photo, 100, 80, 64, 48);
    Palette palette = randomPalette(new SplittableRandom(7), 32);
    IndexedImage plain = nearest(frame, palette);
    IndexedImage first = SteadyRemap.steady(frame, plain, null, SteadyRemap.slack(200));
    assertThat(runs(first)).isLessThan(runs(plain));
    IndexedImage again = SteadyRemap.steady(frame, plain, first, SteadyRemap.slack(200));
    assertThat(again.copyIndices()).isEqualTo(first.copyIndices());
  }

  @Test
  void transparentPixelsAndEntriesAreLeftAlone() {
    int[] px = {0xFF102030, 0xFF102033, 0x00000000, 0xFF102030};
    RgbaImage image = RgbaImage.of(4, 1, px);
    Palette palette = Palette.of(0x00000000, 0xFF102030, 0xFF102032);
    IndexedImage plain = IndexedImage.of(4, 1, palette, new byte[] {1, 2, 0, 1});
    IndexedImage out = SteadyRemap.steady(image, plain, null, 100);
    assertThat(out.index(1)).isEqualTo(1); // runs on from its left neighbour, within the slack
    assertThat(out.index(2)).isZero(); // transparent in the original: never moved
    assertThat(out.index(3)).isEqualTo(1); // the transparent entry on its left is not repeated
    IndexedImage allClear = IndexedImage.of(4, 1, palette, new byte[] {0, 0, 0, 0});
    IndexedImage next = SteadyRemap.steady(image, plain, allClear, 100);
    assertThat(next.index(0)).isEqualTo(1); // the transparent entry of the frame before is not kept
  }

  @Test
  void theSlackIsThreeTimesTheFramesErrorOverThreeChannelsAndAtLeastTheFloor() {
    assertThat(SteadyRemap.slack(10)).isEqualTo(90);
    assertThat(SteadyRemap.slack(0)).isEqualTo(SteadyRemap.FLOOR);
  }

  private static int runs(IndexedImage image) {
    int n = 0;
    for (int i = 0; i < image.pixelCount(); i++) {
      if (i % image.width() == 0 || image.index(i) != image.index(i - 1)) {
        n++;
      }
    }
    return n;
  }
}

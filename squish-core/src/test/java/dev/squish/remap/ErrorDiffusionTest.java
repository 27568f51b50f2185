package dev.squish.remap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import dev.squish.image.IndexedImage;
import dev.squish.image.Palette;
import dev.squish.image.RgbaImage;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class ErrorDiffusionTest {

  private static RgbaImage horizontalGreyRamp(int w, int h) {
    int[] px = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int v = x * 255 / (w - 1);
        px[y * w + x] = 0xFF000000 | v << 16 | v << 8 | v;
      }
    }
    return RgbaImage.of(w, h, px);
  }

  /** Error diffusion keeps the local average: a black/white dither of a ramp averages to the ramp. */
  @Test
  void preservesLocalMeanOfAGradient() {
    int w = 256;
    int h = 64;
    IndexedImage out = ErrorDiffusion.floydSteinberg(horizontalGreyRamp(w, h), Palette.of(0xFF000000, 0xFFFFFFFF), 1);
    for (int x0 = 16; x0 < w - 16; x0 += 16) {
      double sum = 0;
      for (int y = 0; y < h; y++) {
        for (int x = x0; x < x0 + 16; x++) {
          sum += out.argb(y * w + x) & 0xFF;
        }
      }
      double want = (x0 + 7.5) * 255 / (w - 1);
      assertThat(sum / (16.0 * h)).as("columns %d..%d", x0, x0 + 15).isCloseTo(want, within(12.0));
    }
  }

  /** Level 0 is plain nearest-colour mapping. */
  @Test
  void levelZeroIsNearestColour() {
    RgbaImage ramp = horizontalGreyRamp(64, 8);
    Palette p = Palette.of(0xFF000000, 0xFF808080, 0xFFFFFFFF);
    IndexedImage out = ErrorDiffusion.floydSteinberg(ramp, p, 0);
    for (int i = 0; i < ramp.pixelCount(); i++) {
      int v = ramp.argb(i) & 0xFF;
      int want = v < 64 ? 0 : v <= 191 ? 1 : 2; // 64 is exactly between 0 and 128: the guess wins
      if (v != 64 && v != 192) {
        assertThat(out.index(i)).as("pixel %d value %d", i, v).isEqualTo(want);
      }
    }
  }

  /** A flat background whose colour is in the palette stays clean next to a dithered gradient. */
  @Test
  void doesNotSprayNoiseIntoFlatAreas() {
    int w = 200;
    int h = 120;
    int background = 0xFF3060A0;
    int[] px = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean inside = x >= 60 && x < 140 && y >= 30 && y < 90;
        int v = (x - 60) * 3;
        px[y * w + x] = inside ? 0xFF000000 | v << 16 | (255 - v) << 8 | v / 2 : background;
      }
    }
    Palette p = Palette.of(background, 0xFF000000, 0xFFFFFFFF, 0xFFFF0000, 0xFF00FF00, 0xFF808080);
    IndexedImage out = ErrorDiffusion.floydSteinberg(RgbaImage.of(w, h, px), p, 1);
    int stray = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean nearBox = x >= 57 && x < 143 && y >= 27 && y < 93;
        if (!nearBox && out.argb(y * w + x) != background) {
          stray++;
        }
      }
    }
    assertThat(stray).isZero();
  }

  /**
   * A 1×1 image has no neighbours to compare its plain mapping with; the band factor once came out
   * 0/0 = NaN, the target colour NaN, and a white pixel dithered onto {black, white} came out black.
   */
  @Test
  void aSinglePixelIsDitheredToItsNearestEntry() {
    Palette p = Palette.of(0xFF000000, 0xFFFFFFFF);
    for (int colour : new int[] {0xFFFFFFFF, 0xFFF0F0F0, 0xFF000000, 0xFF202020}) {
      IndexedImage out = ErrorDiffusion.floydSteinberg(RgbaImage.of(1, 1, new int[] {colour}), p, 1);
      assertThat(out.argb(0)).as("pixel %08x", colour).isEqualTo((colour & 0xFF) > 127 ? 0xFFFFFFFF : 0xFF000000);
    }
  }

  @Test
  void deterministicOnAnyNumberOfThreads() throws Exception {
    SplittableRandom r = new SplittableRandom(3);
    int w = 300;
    int h = 700; // several bands
    int[] px = new int[w * h];
    for (int i = 0; i < px.length; i++) {
      int base = (i % w) * 255 / w;
      px[i] = 0xFF000000 | Math.min(255, base + r.nextInt(20)) << 16 | base << 8 | (255 - base);
    }
    RgbaImage image = RgbaImage.of(w, h, px);
    Palette p = Palette.of(0xFF000000, 0xFF0000FF, 0xFFFF00FF, 0xFF808080, 0xFFFFFF00, 0xFF00FF00);
    byte[] many = ErrorDiffusion.floydSteinberg(image, p, 0.8).copyIndices();
    ForkJoinPool one = new ForkJoinPool(1);
    try {
      byte[] single = one.submit(() -> ErrorDiffusion.floydSteinberg(image, p, 0.8).copyIndices()).get();
      assertThat(single).isEqualTo(many);
    } finally {
      one.shutdown();
    }
    assertThat(ErrorDiffusion.floydSteinberg(image, p, 0.8).copyIndices()).isEqualTo(many);
  }

  @Test
  void translucentPixelsDitherInPremultipliedSpace() {
    int[] px = new int[64 * 4];
    for (int i = 0; i < px.length; i++) {
      px[i] = (i % 64) * 4 << 24 | 0xFF0000;
    }
    IndexedImage out = ErrorDiffusion.floydSteinberg(RgbaImage.of(64, 4, px), Palette.of(0x00000000, 0xFFFF0000), 1);
    double alpha = 0;
    for (int i = 0; i < px.length; i++) {
      alpha += out.argb(i) >>> 24;
    }
    // mean alpha of the ramp is 126; the dither keeps it
    assertThat(alpha / px.length).isCloseTo(126, within(8.0));
  }
}

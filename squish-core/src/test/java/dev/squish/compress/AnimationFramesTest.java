package dev.squish.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import dev.squish.image.RgbaImage;
import dev.squish.metrics.ErrorMetrics;
import dev.squish.quantize.Method;
import dev.squish.testkit.TestImages;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One palette for an animation's frames, the frames remapped to it in order, and their quality. */
class AnimationFramesTest {
  private static final int W = 96;
  private static final int H = 64;

  /** A pan across a real photo: frame {@code f} is the window {@code 3f} pixels to the right. */
  static List<RgbaImage> pan(String name, int frames, boolean clearCorner) {
    RgbaImage photo = TestImages.load(name, RgbaImage::of);
    List<RgbaImage> out = new ArrayList<>();
    for (int f = 0; f < frames; f++) {
      int[] px = new int[W * H];
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          px[y * W + x] = clearCorner && x < 8 && y < 8 ? 0 : photo.argb((y + 40) * photo.width() + x + 3 * f + 60);
        }
      }
      out.add(RgbaImage.of(W, H, px));
    }
    return out;
  }

  private static AnimationPalette colours(List<RgbaImage> frames) {
    AnimationPalette p = AnimationPalette.empty();
    for (RgbaImage f : frames) {
      p = p.with(f);
    }
    return p;
  }

  @Test
  void framesAddedOneAtATimeHaveTheSumOfTheirHistograms() {
    List<RgbaImage> frames = pan(TestImages.CHELSEA, 4, false);
    long total = colours(frames).histogram().totalCount();
    assertThat(total).isEqualTo(4L * W * H);
  }

  @Test
  void aPowerOfTwoLeavesAnEntryFreeOnlyWithoutTransparency() {
    CompressOptions options = CompressOptions.of(Method.kMeans(16));
    assertThat(colours(pan(TestImages.CHELSEA, 3, false)).fit(options).palette().size()).isEqualTo(15);
    // a frame with transparent pixels has its transparent entry among the 16
    assertThat(colours(pan(TestImages.CHELSEA, 3, true)).fit(options).palette().size()).isEqualTo(16);
    assertThat(colours(pan(TestImages.CHELSEA, 3, false)).fit(CompressOptions.of(Method.kMeans(12)))
        .palette().size()).isEqualTo(12);
  }

  @Test
  void anAnimationWithoutFramesHasNoPalette() {
    assertThatThrownBy(() -> AnimationPalette.empty().fit(CompressOptions.of(Method.kMeans(8))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void everyFrameIsWrittenOnTheSharedPaletteAndMeasuredAsWritten() {
    List<RgbaImage> frames = pan(TestImages.GRACE_HOPPER, 5, false);
    CompressOptions options = CompressOptions.of(Method.kMeans(32));
    PaletteFit shared = colours(frames).fit(options);
    FrameRemap remap = FrameRemap.first(shared, options);
    for (RgbaImage frame : frames) {
      FrameRemap.Frame f = remap.remap(frame);
      assertThat(f.image().palette()).isEqualTo(shared.palette());
      assertThat(f.quality().mse()).isCloseTo(ErrorMetrics.mse(frame, f.image()), within(1e-9));
      assertThat(f.next().previous()).isSameAs(f.image());
      remap = f.next();
    }
  }

  @Test
  void aRepeatedFrameIsWrittenExactlyAsTheFrameBefore() {
    RgbaImage frame = pan(TestImages.BABOON, 1, false).get(0);
    CompressOptions options = CompressOptions.of(Method.kMeans(32));
    PaletteFit shared = colours(List.of(frame)).fit(options);
    FrameRemap.Frame first = FrameRemap.first(shared, options).remap(frame);
    FrameRemap.Frame second = first.next().remap(frame);
    assertThat(second.image().copyIndices()).isEqualTo(first.image().copyIndices());
  }

  @Test
  void theQualityOverFramesIsThatOfAllTheirPixelsTogether() {
    List<RgbaImage> frames = pan(TestImages.CHELSEA, 4, true);
    CompressOptions options = CompressOptions.builder(Method.kMeans(16)).ssim(true).build();
    PaletteFit shared = colours(frames).fit(options);
    FrameRemap remap = FrameRemap.first(shared, options);
    List<Quality> qualities = new ArrayList<>();
    int[] original = new int[frames.size() * W * H];
    int[] written = new int[original.length];
    for (int i = 0; i < frames.size(); i++) {
      FrameRemap.Frame f = remap.remap(frames.get(i));
      remap = f.next();
      qualities.add(f.quality());
      for (int p = 0; p < W * H; p++) {
        original[i * W * H + p] = frames.get(i).argb(p);
        written[i * W * H + p] = f.image().argb(p);
      }
    }
    // the frames stacked into one tall image, measured at once
    RgbaImage tall = RgbaImage.of(W, H * frames.size(), original);
    double mse = ErrorMetrics.mse(tall, RgbaImage.of(W, H * frames.size(), written));
    Quality all = Quality.over(qualities);
    assertThat(all.mse()).isCloseTo(mse, within(1e-9 * mse));
    assertThat(all.psnr()).isCloseTo(ErrorMetrics.psnr(mse), within(1e-9));
    assertThat(all.channels()).isEqualTo(ErrorMetrics.channels(tall));
    double ssim = qualities.stream().mapToDouble(Quality::ssim).average().orElseThrow();
    assertThat(all.ssim()).isCloseTo(ssim, within(1e-12));
  }

  @Test
  void theQualityOfExactFramesIsLosslessAndOfNoFramesIsRefused() {
    Quality exact = new Quality(0, Double.POSITIVE_INFINITY, "RGB", Double.NaN, Double.NaN);
    assertThat(Quality.over(List.of(exact, exact)).lossless()).isTrue();
    assertThat(Quality.over(List.of(exact, exact)).psnr()).isInfinite();
    assertThatThrownBy(() -> Quality.over(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.squish.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squish.image.RgbaImage;
import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.Method;
import dev.squish.testkit.TestImages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Kept colours ({@link CompressOptions#keep}): written exactly, the rest of the palette fitted around them. */
class KeepColoursTest {
  private static final RgbaImage BABOON = TestImages.load(TestImages.BABOON, RgbaImage::of);
  private static final RgbaImage LOGO = TestImages.load(TestImages.LOGO_TRANSPARENT, RgbaImage::of);
  private static final PreparedImage PREPARED = PreparedImage.of(BABOON);
  /** Brand colours none of which is in the photo. */
  private static final List<Integer> BRAND = List.of(0xFFD81B60, 0xFF1E88E5, 0xFF00C853);

  @ParameterizedTest
  @EnumSource(ColorSpace.class)
  void kMeansWritesEveryKeptColourExactlyInEverySpace(ColorSpace space) {
    Compressed c = PREPARED.compress(CompressOptions.builder(Method.kMeans(16)).space(space).keep(BRAND).build());
    assertThat(Arrays.stream(c.palette().colors()).boxed().toList()).containsAll(BRAND);
    assertThat(c.palette().size()).isLessThanOrEqualTo(16);
  }

  @ParameterizedTest
  @EnumSource(ColorSpace.class)
  void emWritesEveryKeptColourExactlyInEverySpace(ColorSpace space) {
    Compressed c = PREPARED.compress(CompressOptions.builder(Method.em(8)).space(space).keep(BRAND).build());
    assertThat(Arrays.stream(c.palette().colors()).boxed().toList()).containsAll(BRAND);
    assertThat(c.palette().size()).isLessThanOrEqualTo(8);
  }

  @Test
  void emWithAutoKAndTheQualitySearchKeepThemToo() {
    Compressed auto = PREPARED.compress(CompressOptions.builder(Method.emAutoK(2, 6)).keep(BRAND).build());
    assertThat(Arrays.stream(auto.palette().colors()).boxed().toList()).containsAll(BRAND);
    QualityTarget.Result r = PREPARED.search(CompressOptions.builder(Method.kMeans(64)).keep(BRAND).build(),
        QualityTarget.psnr(24, 26));
    assertThat(r.chosen().k()).isGreaterThanOrEqualTo(BRAND.size());
    assertThat(Arrays.stream(r.chosen().palette().colors()).boxed().toList()).containsAll(BRAND);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "fs"})
  void keptColoursSurviveDitheringAndThePreview(String dithering) {
    CompressOptions o = CompressOptions.builder(Method.kMeans(12)).keep(BRAND)
        .dithering(Dithering.of(Dithering.Kind.byId(dithering), 1)).build();
    assertThat(Arrays.stream(PREPARED.compress(o).palette().colors()).boxed().toList()).containsAll(BRAND);
    assertThat(Arrays.stream(PREPARED.preview(o).palette().colors()).boxed().toList()).containsAll(BRAND);
  }

  @Test
  void aKeptColourOfThePhotoTakesItsPixelsExactly() {
    // a colour of the photo itself, kept: its pixels come out unchanged
    int colour = BABOON.argb(BABOON.width() * 100 + 200);
    Compressed c = PREPARED.compress(CompressOptions.builder(Method.kMeans(8)).keep(List.of(colour)).build());
    int mismatched = 0;
    for (int i = 0; i < BABOON.pixelCount(); i++) {
      if (BABOON.argb(i) == colour && c.image().argb(i) != colour) {
        mismatched++;
      }
    }
    // a pixel may continue its left neighbour's run only when that entry is as near (distance 0 never moves)
    assertThat(mismatched).isZero();
  }

  @Test
  void aFittedPaletteForManyImagesHoldsTheKeptColours() {
    PaletteFit fit = PaletteFit.of(PREPARED.histogram(),
        CompressOptions.builder(Method.kMeans(10)).keep(BRAND).build());
    assertThat(Arrays.stream(fit.palette().colors()).boxed().toList()).containsAll(BRAND);
  }

  @Test
  void theTransparentEntryStaysBesideTheKeptColours() {
    Compressed c = PreparedImage.of(LOGO).compress(CompressOptions.builder(Method.kMeans(6)).keep(BRAND).build());
    List<Integer> palette = Arrays.stream(c.palette().colors()).boxed().toList();
    assertThat(palette).containsAll(BRAND);
    assertThat(palette.stream().filter(p -> (p >>> 24) == 0).count()).isEqualTo(1);
  }

  @Test
  void anImageWithFewColoursGetsThemAllPlusTheKeptOnes() {
    RgbaImage few = RgbaImage.of(4, 1, new int[] {0xFF000000, 0xFFFFFFFF, 0xFF000000, 0xFF808080});
    Compressed c = PreparedImage.of(few).compress(CompressOptions.builder(Method.kMeans(6)).keep(BRAND).build());
    assertThat(Arrays.stream(c.palette().colors()).boxed().toList()).containsExactlyInAnyOrder(0xFF000000,
        0xFFFFFFFF, 0xFF808080, 0xFFD81B60, 0xFF1E88E5, 0xFF00C853);
    assertThat(c.quality().mse()).isZero();
    // k = 4: a fit, two of the three photo colours share an entry, the kept ones are exact
    Compressed fitted = PreparedImage.of(few).compress(CompressOptions.builder(Method.kMeans(4)).keep(BRAND).build());
    assertThat(Arrays.stream(fitted.palette().colors()).boxed().toList()).containsAll(BRAND);
    assertThat(fitted.palette().size()).isLessThanOrEqualTo(4);
  }

  @Test
  void moreKeptColoursThanKIsRefusedWithBothCounts() {
    List<Integer> five = List.of(0xFF000001, 0xFF000002, 0xFF000003, 0xFF000004, 0xFF000005);
    CompressOptions o = CompressOptions.builder(Method.kMeans(4)).keep(five).build();
    assertThatThrownBy(() -> PREPARED.compress(o)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("5 kept colours but k is 4");
    assertThatThrownBy(() -> PREPARED.compress(o.toBuilder().method(Method.em(4)).build()))
        .hasMessage("5 kept colours but k is 4");
    assertThatThrownBy(() -> PaletteFit.of(PREPARED.histogram(), o)).hasMessage("5 kept colours but k is 4");
    assertThatThrownBy(() -> PREPARED.search(o, QualityTarget.psnr(30, 40))).hasMessage("5 kept colours but k is 4");
  }

  @Test
  void aColourKeptTwiceIsRefused() {
    assertThatThrownBy(() -> CompressOptions.builder(Method.kMeans(4)).keep(List.of(0xFF112233, 0xFF112233)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#ff112233");
  }

  @Test
  void theKeptListIsAnImmutableCopy() {
    List<Integer> mine = new ArrayList<>(BRAND);
    CompressOptions o = CompressOptions.builder(Method.kMeans(8)).keep(mine).build();
    mine.clear();
    assertThat(o.keep()).isEqualTo(BRAND);
    assertThatThrownBy(() -> o.keep().add(1)).isInstanceOf(UnsupportedOperationException.class);
  }

  /** Property: for random kept colours, k, space and method, every kept colour is in the palette exactly. */
  @Test
  void propertyKeptColoursAlwaysAppearExactly() {
    SplittableRandom random = new SplittableRandom(12);
    RgbaImage crop = crop(BABOON, 128, 96);
    PreparedImage prepared = PreparedImage.of(crop);
    ColorSpace[] spaces = ColorSpace.values();
    for (int trial = 0; trial < 24; trial++) {
      int k = 2 + random.nextInt(30);
      int count = 1 + random.nextInt(Math.min(k, 6));
      List<Integer> keep = new ArrayList<>();
      while (keep.size() < count) {
        int c = 0xFF000000 | random.nextInt(1 << 24);
        if (!keep.contains(c)) {
          keep.add(c);
        }
      }
      Method method = random.nextBoolean() ? Method.kMeans(k) : Method.em(k);
      ColorSpace space = spaces[random.nextInt(spaces.length)];
      Compressed c = prepared.compress(CompressOptions.builder(method).space(space).keep(keep)
          .seed(random.nextLong()).build());
      assertThat(Arrays.stream(c.palette().colors()).boxed().toList())
          .as("trial %d: %s in %s keeping %s", trial, method.id(), space, keep).containsAll(keep);
      assertThat(c.palette().size()).isLessThanOrEqualTo(k);
    }
  }

  private static RgbaImage crop(RgbaImage image, int w, int h) {
    int[] px = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        px[y * w + x] = image.argb((y + 200) * image.width() + x + 200);
      }
    }
    return RgbaImage.of(w, h, px);
  }

}

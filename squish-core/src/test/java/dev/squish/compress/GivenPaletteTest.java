package dev.squish.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.squish.color.ColorCoordinates;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.Palette;
import dev.squish.image.RgbaImage;
import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.FitReport;
import dev.squish.quantize.Method;
import dev.squish.testkit.TestImages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Remapping to a given palette ({@link Method.Given}) and fitting one palette to many images ({@link PaletteFit}). */
class GivenPaletteTest {
  private static final RgbaImage CHELSEA = TestImages.load(TestImages.CHELSEA, RgbaImage::of);
  private static final RgbaImage LOGO = TestImages.load(TestImages.LOGO_TRANSPARENT, RgbaImage::of);

  @Test
  void everyColourIsAssignedItsNearestGivenColourInSrgb() {
    Palette given = Palette.of(0xFF000000, 0xFFFFFFFF, 0xFF8B5A2B, 0xFFC0A080, 0xFF404850, 0xFF906040);
    Compressed c = PreparedImage.of(CHELSEA).compress(CompressOptions.of(Method.given(given)));
    for (int i = 0; i < CHELSEA.pixelCount(); i += 7) {
      int p = CHELSEA.argb(i);
      int best = given.color(0);
      for (int e : given.colors()) {
        if (distance(p, e) < distance(p, best)) {
          best = e;
        }
      }
      int assigned = c.palette().color(c.paletteIndexOf(p));
      assertThat(distance(p, assigned)).as("pixel %d", i).isEqualTo(distance(p, best));
      // the pixel itself may continue its left neighbour's run, at most 10% farther away
      assertThat(distance(p, c.image().argb(i))).isLessThanOrEqualTo(distance(p, best) * 11 / 10);
    }
    assertThat(c.fit()).isEqualTo(new FitReport.Given(6));
    assertThat(c.k()).isEqualTo(6);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "fs"})
  void theEntriesWrittenAreExactlyTheGivenOnes(String dithering) {
    Palette given = Palette.of(0x00000000, 0xFF1E88E5, 0xFFD81B60, 0xFFFFFFFF, 0x80FFC107);
    CompressOptions options = CompressOptions.builder(Method.given(given))
        .dithering(Dithering.of(Dithering.Kind.byId(dithering), 1)).build();
    Compressed c = PreparedImage.of(LOGO).compress(options);
    assertThat(given.colors()).contains(c.palette().colors());
    for (int i = 0; i < LOGO.pixelCount(); i++) {
      assertThat(given.colors()).contains(c.image().argb(i));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {TestImages.CHELSEA, TestImages.LOGO_TRANSPARENT})
  void remappingToItsOwnKMeansPaletteAssignsTheSameEntriesUpToTies(String name) {
    RgbaImage image = TestImages.load(name, RgbaImage::of);
    PreparedImage prepared = PreparedImage.of(image);
    Compressed fitted = prepared.compress(CompressOptions.of(Method.kMeans(24)));
    Compressed remapped = prepared.compress(CompressOptions.of(Method.given(fitted.palette())));
    // k-means ends by assigning every colour to its nearest rounded entry, so the two agree except
    // where two entries are equally near (then each search keeps the entry it tried first)
    ColorCoordinates space = ColorCoordinates.of(ColorSpace.SRGB, image.usesAlpha());
    ColorHistogram colours = prepared.histogram();
    long differing = 0;
    for (int h = 0; h < colours.size(); h++) {
      int original = colours.color(h);
      int a = remapped.palette().color(remapped.paletteIndexOf(original));
      int b = fitted.palette().color(fitted.paletteIndexOf(original));
      if (a != b) {
        differing++;
        assertThat(distance(space, original, a)).as("colour %08x", original).isEqualTo(distance(space, original, b));
      }
    }
    assertThat(differing).as("colours on a tie").isLessThan(colours.size() / 200);
  }

  private static double distance(ColorCoordinates space, int a, int b) {
    double[] p = new double[2 * space.dimensions()];
    space.toPoint(a, p, 0);
    space.toPoint(b, p, space.dimensions());
    double d = 0;
    for (int c = 0; c < space.dimensions(); c++) {
      double x = p[c] - p[space.dimensions() + c];
      d += x * x;
    }
    return d;
  }

  @Test
  void aFitToTheHistogramIsThePaletteCompressionFinds() {
    PreparedImage prepared = PreparedImage.of(LOGO);
    for (Method method : List.of(Method.kMeans(16), Method.em(16))) {
      PaletteFit fit = PaletteFit.of(prepared.histogram(), CompressOptions.builder(method).seed(5).build());
      Compressed c = prepared.compress(CompressOptions.builder(method).seed(5).build());
      assertThat(sorted(fit.palette().colors())).as(method.id()).containsExactly(sorted(c.palette().colors()));
      assertThat(fit.fit().figures()).isEqualTo(c.fit().figures());
      assertThat(fit.fit().describe()).isEqualTo(c.fit().describe());
    }
  }

  @Test
  void onePaletteForManyImagesDoesNotDependOnTheirOrder() {
    List<PreparedImage> tiles = new ArrayList<>();
    int h = CHELSEA.height() / 3;
    for (int t = 0; t < 3; t++) {
      int[] px = new int[h * CHELSEA.width()];
      CHELSEA.copyPixels(t * h * CHELSEA.width(), px, px.length);
      tiles.add(PreparedImage.of(RgbaImage.of(CHELSEA.width(), h, px)));
    }
    PaletteFit shared = fitTo(tiles);
    List<PreparedImage> reversed = new ArrayList<>(tiles);
    Collections.reverse(reversed);
    assertThat(fitTo(reversed).palette()).isEqualTo(shared.palette());
    for (PreparedImage tile : tiles) {
      Compressed c = tile.compress(CompressOptions.of(Method.given(shared.palette())));
      assertThat(shared.palette().colors()).contains(pixels(c));
      assertThat(c.quality().psnr()).isGreaterThan(29);
    }
  }

  @Test
  void aGivenPaletteKeepsItsSize() {
    Method.Given given = Method.given(Palette.of(0xFF000000, 0xFFFFFFFF));
    assertThat(given.withK(2)).isSameAs(given);
    assertThatThrownBy(() -> given.withK(3)).hasMessageContaining("a given palette has 2 colours");
  }

  private static PaletteFit fitTo(List<PreparedImage> images) {
    ColorHistogram all = ColorHistogram.sum(images.stream().map(PreparedImage::histogram).toList());
    return PaletteFit.of(all, CompressOptions.of(Method.kMeans(32)));
  }

  private static int[] pixels(Compressed c) {
    return IntStream.range(0, c.image().pixelCount()).map(c.image()::argb).toArray();
  }

  private static int[] sorted(int[] colors) {
    int[] s = colors.clone();
    Arrays.sort(s);
    return s;
  }

  private static int distance(int a, int b) {
    int d = 0;
    for (int s = 0; s < 32; s += 8) {
      int x = ((a >>> s) & 0xFF) - ((b >>> s) & 0xFF);
      d += x * x;
    }
    return d;
  }
}

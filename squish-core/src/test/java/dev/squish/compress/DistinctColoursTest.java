package dev.squish.compress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.image.RgbaImage;
import dev.squish.metrics.DeltaE2000;
import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.FitReport;
import dev.squish.quantize.Method;
import dev.squish.testkit.DistinctPatches;
import dev.squish.testkit.TestImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Small distinct colours survive ({@link CompressOptions#distinct}): squares of 0.025 to 0.1% of
 * the pixels, pasted into real photos in colours far from the photo's, come out within 3 ΔE00 at
 * k = 16; with the step off, the fit averages them into their neighbours.
 */
class DistinctColoursTest {
  /** The most mean ΔE00 a patch may show: a just noticeable difference is about 1 to 2. */
  private static final double MAX_PATCH_DELTA_E = 3;
  private static final DistinctPatches.Image KODIM07 = DistinctPatches.kodim07();
  private static final DistinctPatches.Image BABOON = DistinctPatches.baboon();
  private static final PreparedImage KODIM07_PREPARED = prepare(KODIM07);
  private static final PreparedImage BABOON_PREPARED = prepare(BABOON);

  @ParameterizedTest
  @ValueSource(strings = {"kodim07", "baboon"})
  void everyPatchKeepsItsColourAtK16WithKMeans(String photo) {
    DistinctPatches.Image image = photo.equals("kodim07") ? KODIM07 : BABOON;
    PreparedImage prepared = photo.equals("kodim07") ? KODIM07_PREPARED : BABOON_PREPARED;
    Compressed c = prepared.compress(CompressOptions.of(Method.kMeans(16)));
    for (DistinctPatches.Patch p : image.patches()) {
      assertThat(patchDeltaE(image, c, p)).as("%s %s", photo, p.name()).isLessThanOrEqualTo(MAX_PATCH_DELTA_E);
    }
    assertThat(((FitReport.KMeans) c.fit()).distinctColors()).isEqualTo(image.patches().size());
  }

  @Test
  void withTheStepOffThePatchesAreLost() {
    Compressed off = KODIM07_PREPARED.compress(CompressOptions.builder(Method.kMeans(16)).distinct(false).build());
    List<Double> deltas = new ArrayList<>();
    for (DistinctPatches.Patch p : KODIM07.patches()) {
      deltas.add(patchDeltaE(KODIM07, off, p));
    }
    // the failure the step is there for: at least one patch far off (measured: 7.2 to 21.0 ΔE00)
    assertThat(deltas.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
        .as("patch ΔE00 without the step: %s", deltas).isGreaterThan(3 * MAX_PATCH_DELTA_E);
    assertThat(((FitReport.KMeans) off.fit()).distinctColors()).isZero();
  }

  @Test
  void emKeepsThePatchesToo() {
    Compressed c = KODIM07_PREPARED.compress(CompressOptions.of(Method.em(16)));
    for (DistinctPatches.Patch p : KODIM07.patches()) {
      assertThat(patchDeltaE(KODIM07, c, p)).as(p.name()).isLessThanOrEqualTo(MAX_PATCH_DELTA_E);
    }
    assertThat(((FitReport.Em) c.fit()).distinctColors()).isEqualTo(KODIM07.patches().size());
  }

  @ParameterizedTest
  @EnumSource(ColorSpace.class)
  void everySpaceKeepsThePatches(ColorSpace space) {
    Compressed c = KODIM07_PREPARED.compress(CompressOptions.builder(Method.kMeans(16)).space(space).build());
    for (DistinctPatches.Patch p : KODIM07.patches()) {
      assertThat(patchDeltaE(KODIM07, c, p)).as("%s %s", space, p.name()).isLessThanOrEqualTo(MAX_PATCH_DELTA_E);
    }
  }

  @Test
  void aPhotoWithoutPatchesIsLeftAsItWas() {
    // the untouched photo has no such group: the step changes nothing, byte for byte
    PreparedImage plain = PreparedImage.of(TestImages.load(TestImages.KODIM07, RgbaImage::of));
    Compressed on = plain.compress(CompressOptions.of(Method.kMeans(16)));
    Compressed off = plain.compress(CompressOptions.builder(Method.kMeans(16)).distinct(false).build());
    assertThat(on.palette()).isEqualTo(off.palette());
    assertThat(((FitReport.KMeans) on.fit()).distinctColors()).isZero();
  }

  @Test
  void theWholeImageLosesLittle() {
    Compressed on = KODIM07_PREPARED.compress(CompressOptions.of(Method.kMeans(16)));
    Compressed off = KODIM07_PREPARED.compress(CompressOptions.builder(Method.kMeans(16)).distinct(false).build());
    // four entries of sixteen go to the patches: the photo pays for them, but within 1.5 dB
    assertThat(on.quality().psnr()).as(String.format(Locale.ROOT, "on %.2f off %.2f", on.quality().psnr(),
        off.quality().psnr())).isGreaterThan(off.quality().psnr() - 1.5);
  }

  static double patchDeltaE(DistinctPatches.Image image, Compressed c, DistinctPatches.Patch p) {
    int w = image.pixels().width();
    double sum = 0;
    for (int y = p.y(); y < p.y() + p.size(); y++) {
      for (int x = p.x(); x < p.x() + p.size(); x++) {
        int i = y * w + x;
        sum += DeltaE2000.difference(image.pixels().argb()[i], c.image().argb(i));
      }
    }
    return sum / (p.size() * p.size());
  }

  private static PreparedImage prepare(DistinctPatches.Image image) {
    TestImages.Pixels px = image.pixels();
    return PreparedImage.of(RgbaImage.of(px.width(), px.height(), px.argb()));
  }
}

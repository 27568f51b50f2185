package dev.squish.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.RgbaImage;
import dev.squish.metrics.DeltaE2000;
import dev.squish.quantize.Method;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QualitySearchTest {

  private static QualityTarget.Result search(RgbaImage image, int maxK, QualityTarget target) {
    return PreparedImage.of(image).search(CompressOptions.of(Method.kMeans(maxK)), target);
  }

  /** Three independent smooth channels plus noise, 160×120: hard to quantize (29.7 dB at k = 256). */
  static RgbaImage blobs() {
    SplittableRandom r = new SplittableRandom(4);
    int w = 160;
    int h = 120;
    int[] px = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int red = (int) (127 + 120 * Math.sin(x / 17.0));
        int green = (int) (127 + 120 * Math.cos(y / 11.0 + x / 40.0));
        int blue = Math.min(255, (x + y) + r.nextInt(6));
        px[y * w + x] = 0xFF000000 | red << 16 | green << 8 | blue;
      }
    }
    return RgbaImage.of(w, h, px);
  }

  @ParameterizedTest
  @ValueSource(doubles = {18, 22, 26})
  void choosesTheSmallestKThatReachesThePsnrTarget(double dB) {
    QualityTarget.Result r = search(blobs(), 256, QualityTarget.psnr(10, dB));
    assertThat(r.met()).isTrue();
    assertThat(r.chosen().quality().psnr()).isGreaterThanOrEqualTo(dB);
    assertThat(r.chosen().image().palette().size()).isLessThanOrEqualTo(r.k());
    if (r.k() > 1) {
      // the search's own evidence: k - 1 was tried and missed
      assertThat(r.probes()).anySatisfy(p -> {
        assertThat(p.k()).isEqualTo(r.k() - 1);
        assertThat(p.quality()).isLessThan(dB);
      });
    }
    assertThat(r.probes().size()).isLessThanOrEqualTo(16);
  }

  @Test
  void deltaETargetIsMetWithMeasuredDeltaE() {
    RgbaImage image = blobs();
    QualityTarget.Result r = search(image, 256, QualityTarget.deltaE(4));
    assertThat(r.met()).isTrue();
    double de = DeltaE2000.mean(image, ColorHistogram.of(image), r.chosen().image());
    assertThat(de).isLessThanOrEqualTo(4);
    assertThat(r.probes()).anySatisfy(p -> assertThat(p.k()).isEqualTo(r.k() - 1));
  }

  @Test
  void unreachableTargetIsReportedWithTheBestAllowedOutput() {
    QualityTarget.Result r = search(blobs(), 8, QualityTarget.psnr(60, 70));
    assertThat(r.met()).isFalse();
    assertThat(r.k()).isEqualTo(8);
    assertThat(r.chosen().quality().psnr()).isLessThan(60);
  }

  @Test
  void belowTargetButAboveMinimumIsAcceptedAtTheLargestK() {
    QualityTarget.Result probe = search(blobs(), 8, QualityTarget.psnr(0, 99));
    double reached = probe.chosen().quality().psnr();
    QualityTarget.Result r = search(blobs(), 8,
        QualityTarget.psnr(reached - 1, 99));
    assertThat(r.met()).isTrue();
    assertThat(r.k()).isEqualTo(8);
  }

  @Test
  void searchIsDeterministic() {
    QualityTarget.Result a = search(blobs(), 256, QualityTarget.psnr(20, 24));
    QualityTarget.Result b = search(blobs(), 256, QualityTarget.psnr(20, 24));
    assertThat(a.k()).isEqualTo(b.k());
    assertThat(a.chosen().image().copyIndices()).isEqualTo(b.chosen().image().copyIndices());
    assertThat(a.probes()).isEqualTo(b.probes());
  }

  @Test
  void targetsAreValidated() {
    assertThatThrownBy(() -> QualityTarget.psnr(40, 30)).hasMessageContaining("min <= max");
    assertThatThrownBy(() -> QualityTarget.psnr(40, 101)).hasMessageContaining("<= 100");
    assertThatThrownBy(() -> QualityTarget.deltaE(0)).hasMessageContaining("above 0");
  }

  @Test
  void onlyKMeansSearches() {
    assertThatThrownBy(() -> PreparedImage.of(blobs()).search(CompressOptions.of(Method.em(16)),
        QualityTarget.psnr(20, 24))).hasMessage("the quality search runs k-means, not em");
  }
}

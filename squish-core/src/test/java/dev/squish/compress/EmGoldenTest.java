package dev.squish.compress;

import static org.assertj.core.api.Assertions.assertThat;
import dev.squish.image.RgbaImage;
import dev.squish.quantize.FitReport;
import dev.squish.quantize.Method;
import dev.squish.testkit.TestImages;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EM on the committed photos (defaults: full covariances, nearest-colour mapping) reaches its
 * floors of PSNR and of mean log-likelihood per pixel, and converges without collapsing.
 */
class EmGoldenTest {
  private static final Golden GOLDEN = new Golden("em.properties");

  static Stream<Arguments> cases() {
    return TestImages.PHOTOS.stream().flatMap(p -> Stream.of(16, 64).map(k -> Arguments.of(p, k)));
  }

  @ParameterizedTest(name = "{0} k={1}")
  @MethodSource("cases")
  void meetsItsFloors(String photo, int k) {
    Compressed c = Golden.photo(photo).compress(CompressOptions.builder(Method.em(k)).speed(Golden.FLOOR_SPEED)
        .build());
    FitReport.Em r = (FitReport.Em) c.fit();
    assertThat(r.converged()).as("converged on %s at k=%d", photo, k).isTrue();
    assertThat(r.collapses()).isEmpty();
    GOLDEN.atLeast(photo + ".k" + k + ".psnr", c.quality().psnr(), 0.3);
    GOLDEN.atLeast(photo + ".k" + k + ".loglik", r.logLikelihood(), 0.02);
  }

  /**
   * The logo on a transparent background: EM keeps the fully transparent colour as a pinned
   * component, so the background stays alpha 0, and the shape stays opaque.
   */
  @ParameterizedTest
  @ValueSource(ints = {16, 64})
  void transparentBackgroundStaysInvisibleAndTheShapeOpaque(int k) {
    RgbaImage original = TestImages.load(TestImages.LOGO_TRANSPARENT, RgbaImage::of);
    Compressed c = PreparedImage.of(original).compress(CompressOptions.of(Method.em(k)));
    FitReport.Em r = (FitReport.Em) c.fit();
    assertThat(r.dimensions()).isEqualTo(4);
    assertThat(r.mixture().mean(0)).containsOnly(0);
    for (int i = 0; i < original.pixelCount(); i++) {
      int a = original.argb(i) >>> 24;
      int b = c.image().argb(i) >>> 24;
      if (a == 0) {
        assertThat(b).as("pixel %d was fully transparent", i).isZero();
      } else if (a == 255) {
        assertThat(b).as("pixel %d was fully opaque", i).isEqualTo(255);
      }
    }
  }
}

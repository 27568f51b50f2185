package dev.squish.compress;

import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.Method;
import dev.squish.testkit.TestImages;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * k-means in each working space on the committed photos: a PSNR floor, an SSIM floor and a ceiling
 * of mean ΔE00 per space (sRGB's PSNR floors are those of {@link KMeansGoldenTest}).
 */
class ColorSpaceGoldenTest {
  private static final Golden GOLDEN = new Golden("spaces.properties");

  static Stream<Arguments> cases() {
    return Stream.of(ColorSpace.values()).flatMap(s -> TestImages.PHOTOS.stream()
        .flatMap(p -> Stream.of(16, 64).map(k -> Arguments.of(s, p, k))));
  }

  @ParameterizedTest(name = "{0} {1} k={2}")
  @MethodSource("cases")
  void meetsItsBounds(ColorSpace space, String photo, int k) {
    CompressOptions o = CompressOptions.builder(Method.kMeans(k)).space(space).speed(Golden.FLOOR_SPEED).ssim(true)
        .deltaE(true).build();
    Quality q = Golden.photo(photo).compress(o).quality();
    String key = photo + "." + space.id() + ".k" + k;
    if (space != ColorSpace.SRGB) { // sRGB's PSNR floors are KMeansGoldenTest's, kept in one place
      GOLDEN.atLeast(key + ".psnr", q.psnr(), 0.3);
    }
    GOLDEN.atLeast(key + ".ssim", q.ssim(), 0.005);
    GOLDEN.atMost(key + ".deltaE", q.deltaE2000(), 0.02);
  }
}

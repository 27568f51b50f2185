package dev.squish.compress;

import dev.squish.quantize.Method;
import dev.squish.testkit.TestImages;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Floyd–Steinberg dithering (level 1) on the committed photos: floors of SSIM and PSNR and a
 * ceiling of mean ΔE00, the measures dithering trades against each other.
 */
class DitherGoldenTest {
  private static final Golden GOLDEN = new Golden("dither.properties");

  static Stream<Arguments> cases() {
    return TestImages.PHOTOS.stream().flatMap(p -> Stream.of(16, 64).map(k -> Arguments.of(p, k)));
  }

  @ParameterizedTest(name = "{0} k={1}")
  @MethodSource("cases")
  void meetsItsBounds(String photo, int k) {
    CompressOptions o = CompressOptions.builder(Method.kMeans(k)).dithering(Dithering.floydSteinberg(1))
        .speed(Golden.FLOOR_SPEED).ssim(true).deltaE(true).build();
    Quality q = Golden.photo(photo).compress(o).quality();
    String key = photo + ".fs.k" + k;
    GOLDEN.atLeast(key + ".ssim", q.ssim(), 0.005);
    GOLDEN.atLeast(key + ".psnr", q.psnr(), 0.3);
    GOLDEN.atMost(key + ".deltaE", q.deltaE2000(), 0.02);
  }
}

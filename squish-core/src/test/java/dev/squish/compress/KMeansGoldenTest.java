package dev.squish.compress;

import dev.squish.quantize.Method;
import dev.squish.testkit.TestImages;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** k-means on the committed photos (defaults: sRGB, no dithering) reaches its PSNR floors. */
class KMeansGoldenTest {
  private static final Golden GOLDEN = new Golden("kmeans.properties");

  static Stream<Arguments> cases() {
    return TestImages.PHOTOS.stream().flatMap(p -> Stream.of(16, 64, 256).map(k -> Arguments.of(p, k)));
  }

  @ParameterizedTest(name = "{0} k={1}")
  @MethodSource("cases")
  void meetsItsPsnrFloor(String photo, int k) {
    Compressed c = Golden.photo(photo).compress(CompressOptions.of(Method.kMeans(k)));
    double psnr = c.quality().lossless() ? Double.POSITIVE_INFINITY : c.quality().psnr();
    GOLDEN.atLeast(photo + ".k" + k + ".psnr", psnr, 0.3);
  }
}

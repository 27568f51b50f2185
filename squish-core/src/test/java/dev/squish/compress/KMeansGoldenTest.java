package dev.squish.compress;

import dev.squish.quantize.Method;
import dev.squish.quantize.Speed;
import dev.squish.testkit.TestImages;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * k-means on the committed photos (sRGB, no dithering) reaches its PSNR floors: at speed 3, the
 * effort the floors were first set at, and at the default speed, whose own floors are lower by what
 * the default gives up for speed (see {@code kmeans.properties}).
 */
class KMeansGoldenTest {
  private static final Golden GOLDEN = new Golden("kmeans.properties");

  static Stream<Arguments> cases() {
    return TestImages.PHOTOS.stream().flatMap(p -> Stream.of(16, 64, 256).map(k -> Arguments.of(p, k)));
  }

  @ParameterizedTest(name = "{0} k={1}")
  @MethodSource("cases")
  void meetsItsPsnrFloorAtSpeed3(String photo, int k) {
    GOLDEN.atLeast(photo + ".k" + k + ".psnr", psnr(photo, k, Golden.FLOOR_SPEED), 0.3);
  }

  @ParameterizedTest(name = "{0} k={1}")
  @MethodSource("cases")
  void meetsItsPsnrFloorAtTheDefaultSpeed(String photo, int k) {
    GOLDEN.atLeast(photo + ".k" + k + ".default.psnr", psnr(photo, k, Speed.DEFAULT), 0.3);
  }

  private static double psnr(String photo, int k, Speed speed) {
    Compressed c = Golden.photo(photo).compress(CompressOptions.builder(Method.kMeans(k)).speed(speed).build());
    return c.quality().lossless() ? Double.POSITIVE_INFINITY : c.quality().psnr();
  }
}

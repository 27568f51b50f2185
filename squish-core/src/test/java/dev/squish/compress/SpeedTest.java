package dev.squish.compress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.quantize.Method;
import dev.squish.quantize.Speed;
import dev.squish.testkit.TestImages;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every speed promises: the same bytes on any number of threads, and speed 1 no worse than speed 3. */
class SpeedTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 4, 7, 11})
  void eachSpeedGivesTheSamePictureOnOneAndTwoThreads(int speed) throws Exception {
    byte[][] results = new byte[2][];
    for (int threads = 1; threads <= 2; threads++) {
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        results[threads - 1] = pool.submit(() -> PreparedImage.of(Golden.photo(TestImages.CHELSEA).image())
            .compress(CompressOptions.builder(Method.kMeans(48)).speed(Speed.of(speed)).build()).image()
            .copyIndices()).get();
      } finally {
        pool.shutdown();
      }
    }
    assertThat(results[0]).isEqualTo(results[1]);
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 64})
  void speed1ReachesAtLeastTheQualityOfSpeed3OnThePhotos(int k) {
    double slowest = 0;
    double speed3 = 0;
    for (String photo : TestImages.PHOTOS) {
      slowest += psnr(photo, k, Speed.of(Speed.SLOWEST));
      speed3 += psnr(photo, k, Speed.of(3));
    }
    assertThat(slowest).as("summed PSNR at speed 1 against speed 3").isGreaterThanOrEqualTo(speed3);
  }

  private static double psnr(String photo, int k, Speed speed) {
    Compressed c = Golden.photo(photo).compress(CompressOptions.builder(Method.kMeans(k)).speed(speed).build());
    return c.quality().lossless() ? 100 : c.quality().psnr();
  }
}

package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.io.encode.IndexedPngEncoder;
import dev.squish.io.encode.PngOptions;
import dev.squish.pipeline.CompressionOptions;
import dev.squish.pipeline.Compressed;
import dev.squish.pipeline.Compressor;
import dev.squish.testkit.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden quality checks on the committed photos: for each photo and k, PSNR must reach a floor
 * and the PNG must stay under a size ceiling, both in {@code golden/kmeans.properties}. A result
 * far better than its floor is reported as "too lax" so that the floor gets raised in review
 * (the ratchet of zxing's black-box tests).
 */
class PhotoQualityTest {
  /** PSNR margin above the floor at which the floor is called too lax. */
  private static final double LAX_DB = 0.3;

  static Stream<Arguments> cases() throws IOException {
    Properties golden = new Properties();
    try (InputStream in = PhotoQualityTest.class.getResourceAsStream("golden/kmeans.properties")) {
      golden.load(in);
    }
    List<Arguments> out = new ArrayList<>();
    for (String photo : TestImages.PHOTOS) {
      for (int k : new int[] {16, 64, 256}) {
        String key = photo + ".k" + k;
        out.add(Arguments.of(photo, k, Double.parseDouble(golden.getProperty(key + ".psnr.min")),
            Long.parseLong(golden.getProperty(key + ".bytes.max"))));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} k={1}")
  @MethodSource("cases")
  void meetsItsFloors(String photo, int k, double psnrFloor, long bytesCeiling) {
    Compressed c = Compressor.compress(TestImages.load(photo), CompressionOptions.kmeans(k));
    double psnr = c.quality().lossless() ? Double.POSITIVE_INFINITY : c.quality().psnr();
    long bytes = IndexedPngEncoder.encode(c.image(), PngOptions.defaults()).length;
    if (psnr > psnrFloor + LAX_DB && !Double.isInfinite(psnr)) {
      System.out.printf("+++ too lax: %s k=%d PSNR %.3f dB, floor %.2f%n", photo, k, psnr, psnrFloor);
    }
    System.out.printf("%s k=%d PSNR %.3f dB, %d bytes%n", photo, k, psnr, bytes);
    assertThat(psnr).as("PSNR of %s at k=%d", photo, k).isGreaterThanOrEqualTo(psnrFloor);
    assertThat(bytes).as("bytes of %s at k=%d", photo, k).isLessThanOrEqualTo(bytesCeiling);
  }
}

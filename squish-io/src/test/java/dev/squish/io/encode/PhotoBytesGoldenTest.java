package dev.squish.io.encode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.compress.CompressOptions;
import dev.squish.compress.PreparedImage;
import dev.squish.image.IndexedImage;
import dev.squish.image.RgbaImage;
import dev.squish.quantize.Method;
import dev.squish.testkit.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The encoder's side of the golden photo checks: the PNG of each committed photo, compressed with
 * the defaults at k = 16, 64, 256, stays under its size ceiling in {@code golden/png-bytes.properties}.
 * (The PSNR floors of the same outputs are squish-core's.) Far under is reported as "too lax".
 */
class PhotoBytesGoldenTest {
  /** Bytes below the ceiling, as a fraction of it, at which the ceiling is called too lax. */
  private static final double LAX = 0.05;

  static Stream<Arguments> cases() throws IOException {
    Properties golden = new Properties();
    try (InputStream in = PhotoBytesGoldenTest.class.getResourceAsStream("golden/png-bytes.properties")) {
      golden.load(in);
    }
    return TestImages.PHOTOS.stream().flatMap(p -> Stream.of(16, 64, 256)
        .map(k -> Arguments.of(p, k, Long.parseLong(golden.getProperty(p + ".k" + k + ".bytes.max")))));
  }

  @ParameterizedTest(name = "{0} k={1}")
  @MethodSource("cases")
  void staysUnderItsCeiling(String photo, int k, long ceiling) {
    PreparedImage prepared = PreparedImage.of(TestImages.load(photo, RgbaImage::of));
    IndexedImage out = prepared.compress(CompressOptions.of(Method.kMeans(k))).image();
    long bytes = ImageEncoder.encode(out, OutputFormat.PNG, PngOptions.defaults()).length;
    System.out.printf("%s k=%d %d bytes (ceiling %d)%n", photo, k, bytes, ceiling);
    if (bytes < ceiling * (1 - LAX)) {
      System.out.printf("+++ too lax: %s k=%d %d bytes, ceiling %d%n", photo, k, bytes, ceiling);
    }
    assertThat(bytes).as("PNG bytes of %s at k=%d", photo, k).isLessThanOrEqualTo(ceiling);
  }
}

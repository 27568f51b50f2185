package dev.squish.io.encode;

import static org.assertj.core.api.Assertions.assertThat;
import dev.squish.compress.CompressOptions;
import dev.squish.compress.PreparedImage;
import dev.squish.image.IndexedImage;
import dev.squish.image.RgbaImage;
import dev.squish.quantize.Method;
import dev.squish.quantize.Speed;
import dev.squish.testkit.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The encoder's side of the golden photo checks: the PNG of each committed photo, compressed at
 * k = 16, 64, 256, stays under its size ceiling in {@code golden/png-bytes.properties}, at speed 3
 * (the effort the ceilings were first set at) and at the default speed, which has ceilings of its
 * own. (The PSNR floors of the same outputs are squish-core's.) Far under is reported as "too lax".
 */
class PhotoBytesGoldenTest {
  /** Bytes below the ceiling, as a fraction of it, at which the ceiling is called too lax. */
  private static final double LAX = 0.05;
  private static final Properties GOLDEN = load();

  static Stream<Arguments> cases() {
    return TestImages.PHOTOS.stream().flatMap(p -> Stream.of(16, 64, 256).map(k -> Arguments.of(p, k)));
  }

  @ParameterizedTest(name = "{0} k={1}")
  @MethodSource("cases")
  void staysUnderItsCeilingAtSpeed3(String photo, int k) {
    check(photo, k, Speed.of(3), photo + ".k" + k + ".bytes.max");
  }

  @ParameterizedTest(name = "{0} k={1}")
  @MethodSource("cases")
  void staysUnderItsCeilingAtTheDefaultSpeed(String photo, int k) {
    check(photo, k, Speed.DEFAULT, photo + ".k" + k + ".default.bytes.max");
  }

  private static void check(String photo, int k, Speed speed, String key) {
    long ceiling = Long.parseLong(Objects.requireNonNull(GOLDEN.getProperty(key), key));
    PreparedImage prepared = PreparedImage.of(TestImages.load(photo, RgbaImage::of));
    IndexedImage out = prepared.compress(CompressOptions.builder(Method.kMeans(k)).speed(speed).build()).image();
    long bytes = ImageEncoder.encode(out, OutputFormat.PNG, PngOptions.of(speed)).length;
    System.out.printf("%s %d bytes (ceiling %d)%n", key, bytes, ceiling);
    if (bytes < ceiling * (1 - LAX)) {
      System.out.printf("+++ too lax: %s %d bytes, ceiling %d%n", key, bytes, ceiling);
    }
    assertThat(bytes).as("PNG bytes of %s at k=%d, speed %d", photo, k, speed.value()).isLessThanOrEqualTo(ceiling);
  }

  private static Properties load() {
    Properties golden = new Properties();
    try (InputStream in = PhotoBytesGoldenTest.class.getResourceAsStream("golden/png-bytes.properties")) {
      golden.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return golden;
  }
}

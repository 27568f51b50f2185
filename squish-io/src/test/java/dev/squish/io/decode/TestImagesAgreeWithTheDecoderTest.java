package dev.squish.io.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.image.RgbaImage;
import dev.squish.testkit.TestImages;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decoded pixels squish-testkit hands to squish-core's tests (which cannot decode a JPEG)
 * are exactly what squish's decoder makes of the committed photos, so the golden figures measured
 * there are those of the command line.
 */
class TestImagesAgreeWithTheDecoderTest {

  static List<String> photos() {
    List<String> all = new ArrayList<>(TestImages.PHOTOS);
    all.add(TestImages.LOGO_TRANSPARENT);
    return all;
  }

  @ParameterizedTest
  @MethodSource("photos")
  void decodedPixelsAreTheDecodersOwn(String photo) throws ImageDecodeException {
    byte[] bytes = TestImages.bytes(photo);
    RgbaImage decoded = new ImageDecoder(DecodeLimits.defaults()).decode(bytes, bytes.length).image();
    TestImages.Pixels kit = TestImages.pixels(photo);
    assertThat(kit.width()).isEqualTo(decoded.width());
    assertThat(kit.height()).isEqualTo(decoded.height());
    assertThat(kit.argb()).isEqualTo(decoded.copyArgb());
  }
}

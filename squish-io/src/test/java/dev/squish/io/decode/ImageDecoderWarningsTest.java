package dev.squish.io.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** What the decoder says about a file it reads anyway. */
class ImageDecoderWarningsTest {
  private static final ImageDecoder DECODER = new ImageDecoder(DecodeLimits.defaults());

  @Test
  void anAnimatedGifSaysOnlyItsFirstFrameIsRead() throws Exception {
    byte[] gif = resource("animated2.gif");
    DecodedImage decoded = DECODER.decode(gif, gif.length);
    assertThat(decoded.warnings()).containsExactly("it is an animated GIF of 2 frames; only the first frame is read");
    assertThat(decoded.image().width()).isEqualTo(96);
  }

  @Test
  void aStillGifHasNoWarning() throws Exception {
    byte[] gif = resource("image.gif");
    assertThat(DECODER.decode(gif, gif.length).warnings()).isEmpty();
  }

  private static byte[] resource(String name) throws Exception {
    try (InputStream in = ImageDecoderWarningsTest.class.getResourceAsStream("/dev/squish/io/formats/" + name)) {
      return in.readAllBytes();
    }
  }
}

package dev.squish.io.encode;

import static org.assertj.core.api.Assertions.assertThat;
import dev.squish.image.IndexedImage;
import dev.squish.image.Palette;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class GifEncoderTest {

  @Test
  void roundTripsColoursAndTheTransparentEntry() throws Exception {
    IndexedImage image = IndexedImage.of(3, 2, Palette.of(0xFF102030, 0x00000000, 0xFFFFFFFF),
        new byte[] {0, 1, 2, 2, 1, 0});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageEncoder.write(image, OutputFormat.GIF, PngOptions.defaults(), out);
    byte[] gif = out.toByteArray();
    assertThat(new String(gif, 0, 6, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
    BufferedImage read = ImageIO.read(new ByteArrayInputStream(gif));
    assertThat(read.getRGB(0, 0)).isEqualTo(0xFF102030);
    assertThat(read.getRGB(1, 0) >>> 24).isZero();
    assertThat(read.getRGB(2, 0)).isEqualTo(0xFFFFFFFF);
    assertThat(read.getRGB(2, 1)).isEqualTo(0xFF102030);
  }
}

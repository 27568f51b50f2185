package dev.squish.io.encode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.image.RgbaImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The truecolour writer, read back by ImageIO (an independent decoder): every pixel exact. */
class TruecolorPngEncoderTest {
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void everyPixelComesBackExactly(boolean alpha) throws Exception {
    int w = 37;
    int h = 23;
    SplittableRandom random = new SplittableRandom(7);
    int[] argb = new int[w * h];
    for (int i = 0; i < argb.length; i++) {
      int a = alpha ? random.nextInt(256) : 255;
      argb[i] = a << 24 | random.nextInt(1 << 24);
    }
    byte[] png = TruecolorPngEncoder.encode(RgbaImage.of(w, h, argb));
    BufferedImage read = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(read.getColorModel().hasAlpha()).isEqualTo(alpha);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        assertThat(read.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(argb[y * w + x]);
      }
    }
  }
}

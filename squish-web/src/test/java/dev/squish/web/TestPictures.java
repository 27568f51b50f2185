package dev.squish.web;

import dev.squish.testkit.TestImages;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Images for the server tests, made from the committed test photos. */
final class TestPictures {
  private TestPictures() {}

  /**
   * A 1024 x 1024 (1.05 megapixel) photo: test photo {@code name} scaled up with bicubic
   * interpolation, which gives it the hundreds of thousands of distinct colours of a real
   * megapixel photo; {@code shift} moves every channel a little so that several copies differ.
   */
  static byte[] megapixelPng(String name, int shift) {
    try {
      BufferedImage src = ImageIO.read(new ByteArrayInputStream(TestImages.bytes(name)));
      BufferedImage big = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
      var g = big.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.drawImage(src, 0, 0, 1024, 1024, null);
      g.dispose();
      if (shift != 0) {
        for (int y = 0; y < 1024; y++) {
          for (int x = 0; x < 1024; x++) {
            int p = big.getRGB(x, y);
            int r = Math.min(255, ((p >> 16) & 0xFF) + shift);
            int gg = Math.min(255, ((p >> 8) & 0xFF) + shift);
            int b = Math.min(255, (p & 0xFF) + shift);
            big.setRGB(x, y, (r << 16) | (gg << 8) | b);
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(big, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

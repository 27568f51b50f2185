package dev.squish.cli;

import dev.squish.testkit.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/**
 * Real-photo images for the palette tests, cut in Java from the committed test photos (see
 * squish-testkit's {@code photos/README.md} for their sources and licences): sprites of several
 * sizes, and the frames of a pan across a photo.
 */
final class PaletteImages {
  private PaletteImages() {}

  /** A {@code w}×{@code h} crop of photo {@code name} at ({@code x}, {@code y}), written as PNG to {@code file}. */
  static Path crop(String name, int x, int y, int w, int h, Path file) {
    TestImages.Pixels p = TestImages.pixels(name);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        img.setRGB(c, r, p.argb()[(y + r) * p.width() + x + c]);
      }
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      ImageIO.write(img, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * Six sprites: crops of the baboon (fur, red nose, blue cheeks) and of Chelsea the cat, from 48×48
   * to 160×120 pixels, named sprite-1.png to sprite-6.png in {@code dir}.
   */
  static List<Path> sprites(Path dir) {
    List<Path> out = new ArrayList<>();
    int[][] cuts = {{0, 200, 64, 64}, {220, 300, 72, 96}, {60, 300, 64, 80}, {380, 300, 64, 80}};
    for (int[] c : cuts) {
      out.add(crop(TestImages.BABOON, c[0], c[1], c[2], c[3], dir.resolve("sprite-" + (out.size() + 1) + ".png")));
    }
    out.add(crop(TestImages.CHELSEA, 150, 60, 160, 120, dir.resolve("sprite-5.png")));
    out.add(crop(TestImages.CHELSEA, 20, 200, 48, 48, dir.resolve("sprite-6.png")));
    return out;
  }

  /** {@code n} frames of 160×120 panning right and down across Grace Hopper's portrait, 24 and 16 pixels a frame. */
  static List<Path> pan(Path dir, int n) {
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(crop(TestImages.GRACE_HOPPER, 100 + 24 * i, 80 + 16 * i, 160, 120,
          dir.resolve(String.format("frame-%02d.png", i))));
    }
    return out;
  }

  /** The distinct colours of an image file's pixels, {@code 0xAARRGGBB}. */
  static Set<Integer> colours(Path image) {
    BufferedImage img = read(image);
    Set<Integer> set = new TreeSet<>();
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        set.add(img.getRGB(x, y));
      }
    }
    return set;
  }

  /** The pixels of an image file, {@code 0xAARRGGBB}, row-major. */
  static int[] argb(Path image) {
    BufferedImage img = read(image);
    return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
  }

  /** PSNR of {@code b} against {@code a} over R, G and B, in dB. */
  static double psnr(int[] a, int[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      for (int s = 0; s < 24; s += 8) {
        int d = (a[i] >> s & 0xFF) - (b[i] >> s & 0xFF);
        sum += d * d;
      }
    }
    double mse = sum / (3.0 * a.length);
    return 10 * Math.log10(255 * 255 / mse);
  }

  private static BufferedImage read(Path image) {
    try {
      BufferedImage img = ImageIO.read(image.toFile());
      if (img == null) {
        throw new IllegalArgumentException("not an image: " + image);
      }
      return img;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

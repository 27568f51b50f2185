package dev.squish.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The committed test photographs (see {@code photos/README.md} for sources and licences), as
 * encoded bytes and as decoded pixels. The pixels of the PNGs are read from the files themselves,
 * those of the JPEGs from {@code photos/decoded/}, which holds what squish's decoder made of them
 * (squish-io's tests check that it still does).
 */
public final class TestImages {
  /** RGB PNG, 451×300. */
  public static final String CHELSEA = "skimage-chelsea.png";
  /** Baseline JPEG, 512×600. */
  public static final String GRACE_HOPPER = "mpl-grace_hopper.jpg";
  /** Grey PNG, 512×512. */
  public static final String CAMERA = "skimage-camera.png";
  /** JPEG, 512×512, saturated colours and fur. */
  public static final String BABOON = "opencv-baboon.jpg";

  /** RGB PNG, 768×512, Kodak's flowers and shutters: saturated reds, greens and yellows. */
  public static final String KODIM07 = "kodak-kodim07.png";

  /** RGBA PNG, 250×250: a logo disc with an antialiased rim on a transparent background. */
  public static final String LOGO_TRANSPARENT = "skimage-logo-transparent.png";

  /** Every committed photo (opaque ones; the transparent logo is {@link #LOGO_TRANSPARENT}). */
  public static final List<String> PHOTOS = List.of(CHELSEA, GRACE_HOPPER, CAMERA, BABOON);

  /**
   * Decoded pixels: 8-bit sRGB with straight alpha, {@code 0xAARRGGBB}, row-major.
   *
   * @param width columns
   * @param height rows
   * @param argb the pixels (the caller may keep the array)
   */
  public record Pixels(int width, int height, int[] argb) {}

  /** Makes an image of the caller's type from decoded pixels, for example {@code RgbaImage::of}. */
  @FunctionalInterface
  public interface ImageFactory<T> {
    T make(int width, int height, int[] argb);
  }

  private TestImages() {}

  /** The encoded bytes of photo {@code name}. */
  public static byte[] bytes(String name) {
    return resource("photos/" + name);
  }

  /**
   * The bytes of colour fixture {@code name} (see {@code color/README.md}): a crop of the Chelsea
   * photo in sRGB, and the same converted to Adobe RGB (1998) with the profile embedded, as PNG,
   * JPEG, TIFF and WebP.
   */
  public static byte[] colorFixture(String name) {
    return resource("color/" + name);
  }

  /** The decoded pixels of photo {@code name}. */
  public static Pixels pixels(String name) {
    String png = name.endsWith(".png") ? name : "decoded/" + name.substring(0, name.lastIndexOf('.')) + ".png";
    return PngPixels.read(resource("photos/" + png));
  }

  /**
   * Photo {@code name} decoded into an image made by {@code factory}: {@code TestImages.load(CHELSEA, RgbaImage::of)}.
   */
  public static <T> T load(String name, ImageFactory<T> factory) {
    Pixels p = pixels(name);
    return factory.make(p.width(), p.height(), p.argb());
  }

  /** Copies photo {@code name} into {@code dir} and returns the copy's path. */
  public static Path copyTo(String name, Path dir) {
    try {
      Path p = dir.resolve(name);
      Files.write(p, bytes(name));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] resource(String path) {
    try (InputStream in = TestImages.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

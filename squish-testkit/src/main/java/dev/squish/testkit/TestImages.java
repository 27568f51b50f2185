package dev.squish.testkit;

import dev.squish.image.RgbaImage;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.ImageDecodeException;
import dev.squish.io.decode.ImageDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The committed test photographs (see {@code photos/README.md} for sources and licences). */
public final class TestImages {
  /** RGB PNG, 451×300. */
  public static final String CHELSEA = "skimage-chelsea.png";
  /** Baseline JPEG, 512×600. */
  public static final String GRACE_HOPPER = "mpl-grace_hopper.jpg";
  /** Grey PNG, 512×512. */
  public static final String CAMERA = "skimage-camera.png";
  /** JPEG, 512×512, saturated colours and fur. */
  public static final String BABOON = "opencv-baboon.jpg";

  /** RGBA PNG, 250×250: a logo disc with an antialiased rim on a transparent background. */
  public static final String LOGO_TRANSPARENT = "skimage-logo-transparent.png";

  /** Every committed photo (opaque ones; the transparent logo is {@link #LOGO_TRANSPARENT}). */
  public static final List<String> PHOTOS = List.of(CHELSEA, GRACE_HOPPER, CAMERA, BABOON);

  private TestImages() {}

  /** The encoded bytes of photo {@code name}. */
  public static byte[] bytes(String name) {
    try (InputStream in = TestImages.class.getResourceAsStream("photos/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test photo named " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Photo {@code name}, decoded. */
  public static RgbaImage load(String name) {
    byte[] b = bytes(name);
    try {
      return new ImageDecoder(DecodeLimits.defaults()).decode(b, b.length);
    } catch (ImageDecodeException e) {
      throw new IllegalStateException("test photo " + name + " does not decode: " + e.getMessage(), e);
    }
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
}

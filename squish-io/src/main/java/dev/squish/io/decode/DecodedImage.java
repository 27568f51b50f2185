package dev.squish.io.decode;

import dev.squish.image.RgbaImage;
import java.util.Objects;

/**
 * A decoded image file: its pixels as 8-bit sRGB with straight alpha (EXIF orientation applied,
 * 16-bit samples rounded), and the format it was in.
 *
 * @param image the pixels
 * @param format the file's format
 */
public record DecodedImage(RgbaImage image, ImageFormat format) {
  public DecodedImage {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(format, "format");
  }
}

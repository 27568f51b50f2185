package dev.squish.image;

import java.util.Objects;

/**
 * An immutable image of 8-bit sRGB pixels with straight (not premultiplied) alpha, packed as
 * {@code 0xAARRGGBB} ints in row-major order. This is the form every stage of the pipeline
 * reads; decoders in {@code squish-io} produce it.
 *
 * <p>The pixel array is private: {@link #of} copies it in and {@link #copyArgb} copies it out.
 * {@link #adopt} skips the copy for producers that hand over a freshly made array (decoders),
 * because a 24-megapixel photo would otherwise cost 96 MB twice.
 */
public final class RgbaImage {
  private final int width;
  private final int height;
  private final int[] argb;
  private final boolean usesAlpha;

  private RgbaImage(int width, int height, int[] argb) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("image size must be at least 1x1, got " + width + "x" + height);
    }
    Objects.requireNonNull(argb, "argb");
    if ((long) width * height != argb.length) {
      throw new IllegalArgumentException(
          "pixel array holds " + argb.length + " values, " + width + "x" + height + " needs " + (long) width * height);
    }
    this.width = width;
    this.height = height;
    this.argb = argb;
    this.usesAlpha = anyTranslucent(argb);
  }

  /**
   * An image holding a copy of {@code argb}.
   *
   * @param width columns, at least 1
   * @param height rows, at least 1
   * @param argb {@code width * height} pixels, {@code 0xAARRGGBB}, row-major
   * @return the image
   */
  public static RgbaImage of(int width, int height, int[] argb) {
    return new RgbaImage(width, height, Objects.requireNonNull(argb, "argb").clone());
  }

  /**
   * An image that takes ownership of {@code argb} without copying. The caller must not keep or
   * modify the array afterwards; use this only for arrays made just for this image.
   *
   * @param width columns, at least 1
   * @param height rows, at least 1
   * @param argb {@code width * height} pixels, {@code 0xAARRGGBB}, row-major
   * @return the image
   */
  public static RgbaImage adopt(int width, int height, int[] argb) {
    return new RgbaImage(width, height, argb);
  }

  /**
   * An opaque image from packed colours.
   *
   * @param width columns, at least 1
   * @param height rows, at least 1
   * @param rgb {@code width * height} pixels, {@code 0x..RRGGBB}, row-major; the top byte of each is ignored
   * @return the image
   */
  public static RgbaImage ofRgb(int width, int height, int[] rgb) {
    int[] copy = new int[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      copy[i] = 0xFF000000 | rgb[i];
    }
    return new RgbaImage(width, height, copy);
  }

  private static boolean anyTranslucent(int[] argb) {
    for (int p : argb) {
      if ((p >>> 24) != 0xFF) {
        return true;
      }
    }
    return false;
  }

  /** {@return the number of columns} */
  public int width() {
    return width;
  }

  /** {@return the number of rows} */
  public int height() {
    return height;
  }

  /** {@return the number of pixels, {@code width * height}} */
  public int pixelCount() {
    return argb.length;
  }

  /**
   * {@return the pixel at row-major position {@code index}, {@code 0xAARRGGBB}}
   *
   * @param index {@code y * width + x}
   */
  public int argb(int index) {
    return argb[index];
  }

  /**
   * {@return the pixel at column {@code x}, row {@code y}, {@code 0xAARRGGBB}}
   *
   * @param x column
   * @param y row
   */
  public int argb(int x, int y) {
    if (x < 0 || x >= width || y < 0 || y >= height) {
      throw new IndexOutOfBoundsException("(" + x + "," + y + ") outside " + width + "x" + height);
    }
    return argb[y * width + x];
  }

  /**
   * Copies pixels out in bulk.
   *
   * @param from row-major position of the first pixel
   * @param dst where they go, from index 0
   * @param length how many
   */
  public void copyPixels(int from, int[] dst, int length) {
    System.arraycopy(argb, from, dst, 0, length);
  }

  /** {@return a copy of all pixels, row-major} */
  public int[] copyArgb() {
    return argb.clone();
  }

  /** {@return true when at least one pixel is not fully opaque (alpha below 255)} */
  public boolean usesAlpha() {
    return usesAlpha;
  }

  @Override
  public String toString() {
    return "RgbaImage[" + width + "x" + height + (usesAlpha ? ", alpha" : "") + "]";
  }
}

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

  /** An image holding a copy of {@code argb} ({@code 0xAARRGGBB}, row-major, {@code width*height} values). */
  public static RgbaImage of(int width, int height, int[] argb) {
    return new RgbaImage(width, height, Objects.requireNonNull(argb, "argb").clone());
  }

  /**
   * An image that takes ownership of {@code argb} without copying. The caller must not keep or
   * modify the array afterwards; use this only for arrays made just for this image.
   */
  public static RgbaImage adopt(int width, int height, int[] argb) {
    return new RgbaImage(width, height, argb);
  }

  /** An opaque image from packed {@code 0xRRGGBB} values; the top byte of each value is ignored. */
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

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Number of pixels, {@code width * height}. */
  public int pixelCount() {
    return argb.length;
  }

  /** The pixel at row-major position {@code index} as {@code 0xAARRGGBB}. */
  public int argb(int index) {
    return argb[index];
  }

  /** The pixel at column {@code x}, row {@code y} as {@code 0xAARRGGBB}. */
  public int argb(int x, int y) {
    if (x < 0 || x >= width || y < 0 || y >= height) {
      throw new IndexOutOfBoundsException("(" + x + "," + y + ") outside " + width + "x" + height);
    }
    return argb[y * width + x];
  }

  /** Copies {@code length} pixels starting at row-major position {@code from} into {@code dst[0..length)}. */
  public void copyPixels(int from, int[] dst, int length) {
    System.arraycopy(argb, from, dst, 0, length);
  }

  /** A copy of all pixels. */
  public int[] copyArgb() {
    return argb.clone();
  }

  /** True when at least one pixel is not fully opaque (alpha below 255). */
  public boolean usesAlpha() {
    return usesAlpha;
  }

  @Override
  public String toString() {
    return "RgbaImage[" + width + "x" + height + (usesAlpha ? ", alpha" : "") + "]";
  }
}

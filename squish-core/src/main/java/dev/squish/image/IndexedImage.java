package dev.squish.image;

import java.util.Objects;

/** An immutable palette image: a palette and one palette index per pixel, row-major. */
public final class IndexedImage {
  private final int width;
  private final int height;
  private final Palette palette;
  private final byte[] indices;

  private IndexedImage(int width, int height, Palette palette, byte[] indices) {
    if (width < 1 || height < 1 || (long) width * height != indices.length) {
      throw new IllegalArgumentException(
          width + "x" + height + " image cannot hold " + indices.length + " indices");
    }
    this.width = width;
    this.height = height;
    this.palette = Objects.requireNonNull(palette, "palette");
    this.indices = indices;
    int max = palette.size() - 1;
    for (byte b : indices) {
      if ((b & 0xFF) > max) {
        throw new IllegalArgumentException("index " + (b & 0xFF) + " is outside the palette of " + palette.size());
      }
    }
  }

  /**
   * An image holding a copy of {@code indices}.
   *
   * @param width columns, at least 1
   * @param height rows, at least 1
   * @param palette the colours
   * @param indices {@code width * height} palette indices, unsigned bytes, each below {@code palette.size()}
   * @return the image
   */
  public static IndexedImage of(int width, int height, Palette palette, byte[] indices) {
    return new IndexedImage(width, height, palette, indices.clone());
  }

  /**
   * Like {@link #of} without the copy: the caller hands over {@code indices} and must not touch it again.
   *
   * @param width columns, at least 1
   * @param height rows, at least 1
   * @param palette the colours
   * @param indices {@code width * height} palette indices, unsigned bytes, each below {@code palette.size()}
   * @return the image
   */
  public static IndexedImage adopt(int width, int height, Palette palette, byte[] indices) {
    return new IndexedImage(width, height, palette, indices);
  }

  /** {@return the number of columns} */
  public int width() {
    return width;
  }

  /** {@return the number of rows} */
  public int height() {
    return height;
  }

  /** {@return the palette} */
  public Palette palette() {
    return palette;
  }

  /** {@return the number of pixels, {@code width * height}} */
  public int pixelCount() {
    return indices.length;
  }

  /**
   * {@return the palette index of the pixel at row-major position {@code i}}
   *
   * @param i {@code y * width + x}
   */
  public int index(int i) {
    return indices[i] & 0xFF;
  }

  /**
   * {@return the colour of the pixel at row-major position {@code i}, {@code 0xAARRGGBB}}
   *
   * @param i {@code y * width + x}
   */
  public int argb(int i) {
    return palette.color(indices[i] & 0xFF);
  }

  /**
   * Copies the indices of one row out.
   *
   * @param y the row
   * @param dst where they go, {@code dst[0..width)}
   */
  public void copyRow(int y, byte[] dst) {
    System.arraycopy(indices, y * width, dst, 0, width);
  }

  /** {@return a copy of all indices, row-major} */
  public byte[] copyIndices() {
    return indices.clone();
  }

  /** {@return the number of pixels of each palette entry} */
  public long[] histogram() {
    long[] n = new long[palette.size()];
    for (byte b : indices) {
      n[b & 0xFF]++;
    }
    return n;
  }

  /**
   * {@return the same pixels with the palette entries reordered}
   *
   * @param order a permutation: entry {@code order[i]} of this image becomes entry {@code i}
   */
  public IndexedImage reorder(int[] order) {
    int n = palette.size();
    if (order.length != n) {
      throw new IllegalArgumentException("order has " + order.length + " entries for a palette of " + n);
    }
    byte[] newIndexOf = new byte[n];
    boolean[] seen = new boolean[n];
    int[] colors = new int[n];
    for (int i = 0; i < n; i++) {
      int old = order[i];
      if (old < 0 || old >= n || seen[old]) {
        throw new IllegalArgumentException("order is not a permutation of 0.." + (n - 1));
      }
      seen[old] = true;
      newIndexOf[old] = (byte) i;
      colors[i] = palette.color(old);
    }
    byte[] out = new byte[indices.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = newIndexOf[indices[i] & 0xFF];
    }
    return new IndexedImage(width, height, Palette.of(colors), out);
  }
}

package dev.squish.image;

import java.util.Arrays;

/** An immutable list of 1 to 256 colours, packed {@code 0xAARRGGBB}. */
public final class Palette {
  /** Largest palette an indexed PNG or GIF can hold. */
  public static final int MAX_SIZE = 256;

  private final int[] argb;

  private Palette(int[] argb) {
    if (argb.length < 1 || argb.length > MAX_SIZE) {
      throw new IllegalArgumentException("a palette holds 1.." + MAX_SIZE + " colours, got " + argb.length);
    }
    this.argb = argb;
  }

  /**
   * {@return a palette holding a copy of {@code argb}}
   *
   * @param argb 1 to {@value #MAX_SIZE} colours, {@code 0xAARRGGBB}
   */
  public static Palette of(int... argb) {
    return new Palette(argb.clone());
  }

  /** {@return the number of entries} */
  public int size() {
    return argb.length;
  }

  /**
   * {@return entry {@code i}, {@code 0xAARRGGBB}}
   *
   * @param i the entry's index
   */
  public int color(int i) {
    return argb[i];
  }

  /** {@return a copy of the colours} */
  public int[] colors() {
    return argb.clone();
  }

  /** {@return true when any entry is not fully opaque} */
  public boolean hasAlpha() {
    for (int c : argb) {
      if ((c >>> 24) != 0xFF) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Palette p && Arrays.equals(argb, p.argb);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(argb);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Palette[");
    for (int i = 0; i < argb.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(String.format("#%08x", argb[i]));
    }
    return sb.append(']').toString();
  }
}

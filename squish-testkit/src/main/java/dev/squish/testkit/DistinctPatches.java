package dev.squish.testkit;

import java.util.List;

/**
 * Real photographs with small saturated squares pasted in, like a logo or the legend of a map: the
 * test images for colours that are small but distinct and must keep an entry of their own. Made
 * here, deterministically, from the committed photos (no other file is needed): each square is
 * one flat colour far (at least 15 ΔE00) from every colour of the photo.
 */
public final class DistinctPatches {
  /**
   * A pasted square.
   *
   * @param name what the colour is called
   * @param x left column
   * @param y top row
   * @param size edge in pixels
   * @param argb its colour, opaque
   */
  public record Patch(String name, int x, int y, int size, int argb) {
    /** {@return whether pixel ({@code px}, {@code py}) is in the square} */
    public boolean contains(int px, int py) {
      return px >= x && px < x + size && py >= y && py < y + size;
    }
  }

  /**
   * A photo with its squares.
   *
   * @param photo the name of the photo in {@link TestImages}
   * @param pixels the photo with the squares pasted in
   * @param patches the squares
   */
  public record Image(String photo, TestImages.Pixels pixels, List<Patch> patches) {}

  /** Kodak's kodim07 (flowers and shutters, 768×512): four squares of 0.025 to 0.1% of the pixels. */
  public static final List<Patch> KODIM07 = List.of(
      new Patch("violet", 40, 40, 20, 0xFF8E24AA), // 0.10%
      new Patch("azure", 700, 60, 14, 0xFF1E88E5), // 0.05%
      new Patch("magenta", 60, 440, 14, 0xFFFF00FF), // 0.05%
      new Patch("cyan", 680, 430, 10, 0xFF00E5FF)); // 0.025%

  /** The mandrill (512×512): three squares of 0.05 to 0.1% of the pixels. */
  public static final List<Patch> BABOON = List.of(
      new Patch("violet", 30, 30, 16, 0xFF8E24AA), // 0.10%
      new Patch("magenta", 460, 40, 12, 0xFFFF00FF), // 0.055%
      new Patch("green", 40, 460, 12, 0xFF00C853)); // 0.055%

  private DistinctPatches() {}

  /** {@return kodim07 with the squares of {@link #KODIM07}} */
  public static Image kodim07() {
    return paste(TestImages.KODIM07, KODIM07);
  }

  /** {@return the mandrill with the squares of {@link #BABOON}} */
  public static Image baboon() {
    return paste(TestImages.BABOON, BABOON);
  }

  /** {@return photo {@code name} with {@code patches} pasted in} */
  public static Image paste(String name, List<Patch> patches) {
    TestImages.Pixels p = TestImages.pixels(name);
    int[] argb = p.argb().clone();
    for (Patch s : patches) {
      for (int y = s.y(); y < s.y() + s.size(); y++) {
        for (int x = s.x(); x < s.x() + s.size(); x++) {
          argb[y * p.width() + x] = s.argb();
        }
      }
    }
    return new Image(name, new TestImages.Pixels(p.width(), p.height(), argb), List.copyOf(patches));
  }
}

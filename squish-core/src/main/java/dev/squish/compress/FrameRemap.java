package dev.squish.compress;

import dev.squish.image.IndexedImage;
import dev.squish.image.Palette;
import dev.squish.image.RgbaImage;
import dev.squish.quantize.Method;
import dev.squish.remap.SteadyRemap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Remaps the frames of an animation, in order, to one shared palette (see {@link AnimationPalette}
 * for a usage example). Every frame comes out with the whole shared palette, so that a GIF carries
 * it once. Without dithering the remap is steadied for LZW ({@link SteadyRemap}): a pixel keeps
 * its entry of the frame before, or repeats its left neighbour's, when that is nearly as close;
 * the quality given is that of the frame written. Immutable: each frame's result holds the remap
 * for the next one, which remembers that frame.
 *
 * @param palette the shared palette
 * @param options how each frame is remapped (the dithering and the measures are used; the method
 *     is replaced by the shared palette)
 * @param previous the frame before, as written; null for the first
 */
public record FrameRemap(PaletteFit palette, CompressOptions options, IndexedImage previous) {

  /**
   * Checks that the parts are there.
   *
   * @param palette not null
   * @param options not null
   * @param previous the frame before, on {@code palette}, or null
   */
  public FrameRemap {
    Objects.requireNonNull(palette, "palette");
    Objects.requireNonNull(options, "options");
    if (previous != null && !previous.palette().equals(palette.palette())) {
      throw new IllegalArgumentException("the frame before is not on the shared palette");
    }
  }

  /**
   * {@return the remap of an animation's first frame}
   *
   * @param palette the shared palette, for example from {@link AnimationPalette#fit}
   * @param options how each frame is remapped
   */
  public static FrameRemap first(PaletteFit palette, CompressOptions options) {
    return new FrameRemap(palette, options, null);
  }

  /**
   * One frame remapped.
   *
   * @param image the frame on the shared palette, as written
   * @param quality how close {@code image} is to the frame
   * @param remapped the frame's plain remap (its palette only the entries it uses, its fit report)
   * @param next the remap of the following frame
   */
  public record Frame(IndexedImage image, Quality quality, Compressed remapped, FrameRemap next) {}

  /**
   * {@return {@code frame} on the shared palette, and the remap for the frame after it}
   *
   * @param frame the next frame, as shown, of the animation's size
   */
  public Frame remap(RgbaImage frame) {
    PreparedImage prepared = PreparedImage.of(frame);
    Compressed c = prepared.compress(options.toBuilder().method(Method.given(palette.palette())).build());
    IndexedImage out = onto(c.image(), palette.palette());
    Quality q = c.quality();
    if (options.dithering().kind() == Dithering.Kind.NONE) { // dithering's noise has no runs
      out = SteadyRemap.steady(frame, out, previous, SteadyRemap.slack(q.mse()));
      q = prepared.measure(out, options.ssim() || options.deltaE());
    }
    return new Frame(out, q, c, new FrameRemap(palette, options, out));
  }

  /**
   * {@code image} with the indices of {@code shared}: a remap leaves out the entries a frame does
   * not use, but every frame must have the shared palette for the GIF to carry it once.
   */
  static IndexedImage onto(IndexedImage image, Palette shared) {
    if (image.palette().equals(shared)) {
      return image;
    }
    Map<Integer, Integer> where = new HashMap<>();
    for (int i = shared.size() - 1; i >= 0; i--) {
      where.put(shared.color(i), i);
    }
    int[] map = new int[image.palette().size()];
    for (int i = 0; i < map.length; i++) {
      Integer at = where.get(image.palette().color(i));
      if (at == null) {
        throw new IllegalStateException("a remapped frame has a colour the shared palette does not");
      }
      map[i] = at;
    }
    byte[] idx = image.copyIndices();
    for (int i = 0; i < idx.length; i++) {
      idx[i] = (byte) map[idx[i] & 0xff];
    }
    return IndexedImage.adopt(image.width(), image.height(), shared, idx);
  }
}

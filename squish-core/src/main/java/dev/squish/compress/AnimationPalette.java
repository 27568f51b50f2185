package dev.squish.compress;

import dev.squish.histogram.ColorHistogram;
import dev.squish.image.RgbaImage;
import dev.squish.quantize.Method;
import java.util.List;
import java.util.Objects;

/**
 * The colours of an animation's frames, added up one frame at a time so that a long animation
 * never needs all its frames at once, and the one palette fitted to them. When no frame has a
 * transparent pixel and k fills a GIF colour table (a power of two), one entry fewer is fitted:
 * the GIF writer then has a free index to make unchanged pixels transparent without doubling the
 * table (and a bit more per LZW code). Each frame is then remapped with {@link FrameRemap}:
 *
 * <pre>{@code
 * AnimationPalette colours = AnimationPalette.empty();
 * for (RgbaImage frame : frames) {
 *   colours = colours.with(frame);
 * }
 * CompressOptions options = CompressOptions.of(Method.kMeans(64));
 * FrameRemap remap = FrameRemap.first(colours.fit(options), options);
 * List<Quality> qualities = new ArrayList<>();
 * for (RgbaImage frame : frames) {
 *   FrameRemap.Frame f = remap.remap(frame);   // on the shared palette, steadied for LZW
 *   qualities.add(f.quality());
 *   remap = f.next();                          // remembers this frame for the next one
 * }
 * Quality all = Quality.over(qualities);
 * }</pre>
 *
 * @param histogram the frames' colours added up; null before the first frame
 */
public record AnimationPalette(ColorHistogram histogram) {

  /** {@return no frames yet} */
  public static AnimationPalette empty() {
    return new AnimationPalette(null);
  }

  /**
   * {@return these colours and those of {@code frame}}
   *
   * @param frame the next frame, as shown
   */
  public AnimationPalette with(RgbaImage frame) {
    ColorHistogram h = ColorHistogram.of(Objects.requireNonNull(frame, "frame"));
    return new AnimationPalette(histogram == null ? h : ColorHistogram.sum(List.of(histogram, h)));
  }

  /**
   * {@return the palette for all frames}: {@code options}' method fitted to the frames' colours,
   * with an entry left free for the writer's transparency as the type's description says.
   *
   * @param options how to fit
   * @throws IllegalStateException when no frame was added
   */
  public PaletteFit fit(CompressOptions options) {
    if (histogram == null) {
      throw new IllegalStateException("an animation needs a frame");
    }
    Method method = reserving(options.method(), hasTransparency(histogram), options.keep().size());
    return PaletteFit.of(histogram, options.toBuilder().method(method).build());
  }

  /**
   * {@return {@code frame} compressed with a palette of its own}, for a GIF's local colour tables:
   * like {@link PreparedImage#compress}, with the entry left free for the writer's transparency.
   *
   * @param frame one frame
   * @param options how to compress
   */
  public static Compressed compressAlone(PreparedImage frame, CompressOptions options) {
    Method method = reserving(options.method(), hasTransparency(frame.histogram()), options.keep().size());
    return frame.compress(options.toBuilder().method(method).build());
  }

  /**
   * {@return {@code method} with one entry fewer when the frames have no transparent pixel and k is
   * a power of two of at least 4, unless the kept colours fill it}; a given palette and a k chosen by EM are kept
   * as they are.
   *
   * @param method the method asked for
   * @param transparent whether a frame has a fully transparent pixel
   * @param kept how many colours are kept
   */
  static Method reserving(Method method, boolean transparent, int kept) {
    int k = method.k();
    // kept colours that fill k leave no entry to spare: the frames are then written without it
    if (transparent || kept >= k || k < 4 || Integer.bitCount(k) != 1 || method instanceof Method.Given
        || method instanceof Method.EmAutoK) {
      return method;
    }
    return method.withK(k - 1);
  }

  private static boolean hasTransparency(ColorHistogram h) {
    return h.indexOf(0) >= 0;
  }
}

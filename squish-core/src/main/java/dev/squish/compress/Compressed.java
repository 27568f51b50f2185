package dev.squish.compress;

import dev.squish.histogram.ColorHistogram;
import dev.squish.image.IndexedImage;
import dev.squish.image.Palette;
import dev.squish.quantize.FitReport;
import java.util.Objects;

/**
 * One image after the pipeline: the palette image ready to encode, with its palette in writing
 * order (translucent entries first, then by use), how the palette was found and how close the
 * result is to the original. Immutable.
 */
public final class Compressed {
  private final IndexedImage image;
  private final int k;
  private final FitReport fit;
  private final Quality quality;
  private final boolean preview;
  private final ColorHistogram histogram;
  private final int[] entryOfColor;

  Compressed(IndexedImage image, int k, FitReport fit, Quality quality, boolean preview, ColorHistogram histogram,
      int[] entryOfColor) {
    this.image = Objects.requireNonNull(image, "image");
    this.k = k;
    this.fit = Objects.requireNonNull(fit, "fit");
    this.quality = Objects.requireNonNull(quality, "quality");
    this.preview = preview;
    this.histogram = histogram;
    this.entryOfColor = entryOfColor;
  }

  /** {@return the palette image, its palette in writing order} */
  public IndexedImage image() {
    return image;
  }

  /** {@return the palette written (the image's palette); at most {@link #k()} entries} */
  public Palette palette() {
    return image.palette();
  }

  /** {@return the palette size asked for; chosen by the method or the search when it chose one} */
  public int k() {
    return k;
  }

  /** {@return how the palette was found} */
  public FitReport fit() {
    return fit;
  }

  /** {@return how close the image is to the original} */
  public Quality quality() {
    return quality;
  }

  /**
   * {@return true when the palette was fitted to a sample of the pixels ({@link PreparedImage#preview}),
   * false when this is the exact result}
   */
  public boolean preview() {
    return preview;
  }

  /**
   * {@return the index in {@link #palette()} of the entry the colour {@code argb} of the original
   * was assigned to (before any dithering), or -1 when the original has no pixel of that colour}
   *
   * @param argb a colour of the original, {@code 0xAARRGGBB}
   */
  public int paletteIndexOf(int argb) {
    int h = histogram.indexOf(argb);
    return h < 0 ? -1 : entryOfColor[h];
  }

  /** This result with {@code newQuality}. */
  Compressed with(Quality newQuality) {
    return new Compressed(image, k, fit, newQuality, preview, histogram, entryOfColor);
  }
}

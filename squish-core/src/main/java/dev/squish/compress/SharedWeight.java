package dev.squish.compress;

import dev.squish.histogram.ColorHistogram;
import java.util.Locale;

/**
 * How each image counts when one palette is fitted to the summed histograms of many
 * ({@link PaletteFit#of} on {@link ColorHistogram#sum}): by its pixels, or each image as much as
 * any other. Applied to each histogram on its own before the sum, so that the shared palette is
 * the same however the images are split between threads, tasks or machines.
 */
public enum SharedWeight {
  /** Every pixel counts once: a large image weighs more than a small one. */
  PIXELS,
  /**
   * Every image counts as {@value #IMAGE_PIXELS} pixels, whatever its size, so that a small sprite
   * is not drowned by a large photo.
   */
  IMAGE;

  /**
   * The pixel count each image is scaled to under {@link #IMAGE}: 2^24, so that images up to
   * 16.7 MP are scaled up (each colour's share kept within 1 / 2^24), larger ones down.
   */
  public static final long IMAGE_PIXELS = 1L << 24;

  /** {@return the name used by the command line and in reports: {@code pixels} or {@code image}} */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * {@return the weight named {@code id}}
   *
   * @param id {@code pixels} or {@code image}, in any case
   * @throws IllegalArgumentException for any other name
   */
  public static SharedWeight byId(String id) {
    return switch (id.trim().toLowerCase(Locale.ROOT)) {
      case "pixels" -> PIXELS;
      case "image" -> IMAGE;
      default -> throw new IllegalArgumentException("the shared weight must be pixels or image, got '" + id + "'");
    };
  }

  /**
   * {@return {@code histogram} as it counts in the sum}
   *
   * @param histogram one image's colours
   */
  public ColorHistogram apply(ColorHistogram histogram) {
    return this == IMAGE ? histogram.scaledTo(IMAGE_PIXELS) : histogram;
  }
}

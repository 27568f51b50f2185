package dev.squish.quantize;

/**
 * How much work to spend on quality, in pngquant's convention: {@link #SLOWEST} (1) tries hardest,
 * {@link #FASTEST} (11) does the least. It sets the effort of the fit (seedings, random swaps, how
 * far the iterations converge) and of the PNG writer (the filters tried, the deflate level); the
 * method, k and seed keep their meaning at every speed, and every speed is deterministic.
 *
 * @param value {@link #SLOWEST} to {@link #FASTEST}
 */
public record Speed(int value) {
  /** Slowest, best. */
  public static final int SLOWEST = 1;
  /** Fastest. */
  public static final int FASTEST = 11;
  /** The default's value, chosen from measurements on the corpus (see README's speed table). */
  public static final int DEFAULT_VALUE = 4;
  /** The default speed. */
  public static final Speed DEFAULT = new Speed(DEFAULT_VALUE);

  /**
   * Checks the range.
   *
   * @param value {@link #SLOWEST} to {@link #FASTEST}
   */
  public Speed {
    if (value < SLOWEST || value > FASTEST) {
      throw new IllegalArgumentException("speed must be from " + SLOWEST + " to " + FASTEST + ", got " + value);
    }
  }

  /**
   * {@return the speed {@code value}}
   *
   * @param value {@link #SLOWEST} to {@link #FASTEST}
   */
  public static Speed of(int value) {
    return new Speed(value);
  }
}

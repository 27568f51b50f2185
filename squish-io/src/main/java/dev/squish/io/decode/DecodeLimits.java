package dev.squish.io.decode;

/**
 * Bounds checked before any pixel buffer is allocated.
 *
 * @param maxPixels largest width × height accepted
 */
public record DecodeLimits(long maxPixels) {
  /**
   * Default pixel limit: 100 megapixels. Decoding and quantizing take about 12 bytes per pixel,
   * so this fits the JVM's default heap on a machine with 8 GB or more.
   */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

  /** Java arrays are indexed by int, and RgbaImage holds one int per pixel. */
  public static final long HARD_MAX_PIXELS = Integer.MAX_VALUE - 8;

  public DecodeLimits {
    if (maxPixels < 1 || maxPixels > HARD_MAX_PIXELS) {
      throw new IllegalArgumentException("maxPixels must be in 1.." + HARD_MAX_PIXELS + ", got " + maxPixels);
    }
  }

  public static DecodeLimits defaults() {
    return new DecodeLimits(DEFAULT_MAX_PIXELS);
  }
}

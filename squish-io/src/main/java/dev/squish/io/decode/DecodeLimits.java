package dev.squish.io.decode;

/**
 * Bounds checked before any pixel buffer is allocated.
 *
 * @param maxPixels largest width × height accepted (of an animation: of its screen)
 * @param maxFrames most frames an animated GIF may have
 * @param maxFramePixels largest screen pixels × frames of an animation: what decoding it costs, since every
 *     frame is composed on the full screen (a GIF bomb repeats tiny frames on a huge screen); it also bounds
 *     the pixels of all frame rectangles together, which are LZW-decoded whatever the screen's size
 */
public record DecodeLimits(long maxPixels, int maxFrames, long maxFramePixels) {
  /**
   * Default pixel limit: 100 megapixels. Decoding and quantizing take about 12 bytes per pixel,
   * so this fits the JVM's default heap on a machine with 8 GB or more.
   */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

  /** Default frame limit: far more than animations people make (a minute at 10 cs a frame is 600). */
  public static final int DEFAULT_MAX_FRAMES = 10_000;

  /** Default bound of screen pixels × frames: 10,000 frames of 640×480, about a minute of work to compose. */
  public static final long DEFAULT_MAX_FRAME_PIXELS = 3_072_000_000L;

  /** Java arrays are indexed by int, and RgbaImage holds one int per pixel. */
  public static final long HARD_MAX_PIXELS = Integer.MAX_VALUE - 8;

  public DecodeLimits {
    if (maxPixels < 1 || maxPixels > HARD_MAX_PIXELS) {
      throw new IllegalArgumentException("maxPixels must be in 1.." + HARD_MAX_PIXELS + ", got " + maxPixels);
    }
    if (maxFrames < 1) {
      throw new IllegalArgumentException("maxFrames must be at least 1, got " + maxFrames);
    }
    if (maxFramePixels < 1) {
      throw new IllegalArgumentException("maxFramePixels must be at least 1, got " + maxFramePixels);
    }
  }

  /** Limits of {@code maxPixels} a frame and the default bounds of animations (at least one full frame). */
  public DecodeLimits(long maxPixels) {
    this(maxPixels, DEFAULT_MAX_FRAMES, Math.max(maxPixels, DEFAULT_MAX_FRAME_PIXELS));
  }

  public static DecodeLimits defaults() {
    return new DecodeLimits(DEFAULT_MAX_PIXELS);
  }
}

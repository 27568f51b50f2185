package dev.squish.io.encode;

import dev.squish.quantize.Speed;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.Deflater;

/**
 * How {@link IndexedPngEncoder} compresses.
 *
 * @param level deflate level 0..9 of the stream written
 * @param candidates filter and deflate-strategy pairs to try; the one that compresses best is written
 * @param tryChainedPalette also try the palette in nearest-neighbour chain order (see
 *     {@code PaletteOrder.chained}), which can make the Sub, Up and Paeth filters pay off
 * @param zopfliIterations when above 0, the winner's rows are compressed again with zopfli (this many iterations)
 *     and the smaller stream is kept
 * @param screeningBytes when several candidates are tried, they are ranked on bands of rows spread over the image,
 *     adding up to an eighth of it but at least this many bytes and at most 1 MiB (0: on the whole image)
 */
public record PngOptions(
    int level, List<Candidate> candidates, boolean tryChainedPalette, int zopfliIterations, int screeningBytes) {

  /**
   * One way of compressing the rows.
   *
   * @param filter the row filter
   * @param strategy {@link Deflater#DEFAULT_STRATEGY} or {@link Deflater#FILTERED}
   */
  public record Candidate(PngFilter filter, int strategy) {
    public Candidate {
      Objects.requireNonNull(filter, "filter");
      if (strategy != Deflater.DEFAULT_STRATEGY && strategy != Deflater.FILTERED) {
        throw new IllegalArgumentException("strategy must be DEFAULT_STRATEGY or FILTERED, got " + strategy);
      }
    }
  }

  /**
   * Smallest sample for ranking the candidates at the default speed. With an eighth of the image,
   * up to 1 MiB, it ranks as well as a fixed 1 MiB did (the same mean bits per pixel on the corpus
   * to 0.01%) at a third of the cost on sub-megapixel images.
   */
  public static final int DEFAULT_SCREENING_BYTES = 1 << 17;

  /** Zopfli iterations of {@link #optimized()}; 15 gained under 0.2% more on the corpus at twice the time. */
  public static final int ZOPFLI_ITERATIONS = 5;

  /** Deflate level at speeds 7 to 11. */
  private static final int[] LEVEL_ABOVE_SPEED_6 = {8, 7, 6, 4, 1};

  public PngOptions {
    if (level < 0 || level > 9) {
      throw new IllegalArgumentException("level must be in 0..9, got " + level);
    }
    if (zopfliIterations < 0) {
      throw new IllegalArgumentException("zopfliIterations must be >= 0, got " + zopfliIterations);
    }
    if (screeningBytes < 0) {
      throw new IllegalArgumentException("screeningBytes must be >= 0, got " + screeningBytes);
    }
    candidates = List.copyOf(candidates);
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("candidates must not be empty");
    }
  }

  /**
   * Level 9 after choosing, on a sample of rows, the best of every filter (default deflate
   * strategy) on the palette as given and in chain order: {@link #of(Speed)} at the default speed.
   * On most photos no filter wins (palette indices are not ordinal), but on grey and smooth images
   * a chained palette with Sub or Paeth rows is 5 to 18% smaller; ranking on a sample keeps the
   * cost to a fraction of one pass.
   */
  public static PngOptions defaults() {
    return of(Speed.DEFAULT);
  }

  /**
   * {@return the effort of the writer at {@code speed}}: the candidates ranked and the size of their
   * sample, and the deflate level of the stream written. Level 9 up to speed 6; above it the level
   * drops and fewer filters are tried, down to one unfiltered level-1 pass at speed 11.
   *
   * @param speed the speed
   */
  public static PngOptions of(Speed speed) {
    int s = speed.value();
    List<PngFilter> filters = s <= 6 ? List.of(PngFilter.values())
        : s <= 8 ? List.of(PngFilter.NONE, PngFilter.SUB, PngFilter.PAETH)
        : s == 9 ? List.of(PngFilter.NONE, PngFilter.PAETH) : List.of(PngFilter.NONE);
    List<Candidate> candidates = new ArrayList<>();
    for (PngFilter f : filters) {
      candidates.add(new Candidate(f, Deflater.DEFAULT_STRATEGY));
    }
    int level = s <= 6 ? 9 : LEVEL_ABOVE_SPEED_6[s - 7];
    int sample = s == 1 ? 2 * DEFAULT_SCREENING_BYTES : s <= 4 ? DEFAULT_SCREENING_BYTES : DEFAULT_SCREENING_BYTES / 2;
    return new PngOptions(level, candidates, s <= 9, 0, sample);
  }

  /**
   * The extra pass of {@code --optimize}: every filter with both deflate strategies and both
   * palette orders, ranked on the whole image, then zopfli on the winner. Tens of times slower;
   * typically 5 to 10% smaller than {@link #defaults()}.
   */
  public static PngOptions optimized() {
    List<Candidate> all = new ArrayList<>();
    for (PngFilter f : PngFilter.values()) {
      all.add(new Candidate(f, Deflater.DEFAULT_STRATEGY));
      all.add(new Candidate(f, Deflater.FILTERED));
    }
    return new PngOptions(9, all, true, ZOPFLI_ITERATIONS, 0);
  }

  /**
   * For a quick look (the page's preview): no filter, deflate level 5. Measured three times faster
   * than level 9 on a one-megapixel photo, where level 9 took half of the preview's time, for a
   * file a few percent larger.
   */
  public static PngOptions fast() {
    return of(5, PngFilter.NONE);
  }

  /** One filter, one pass: fastest. */
  public static PngOptions of(int level, PngFilter filter) {
    return new PngOptions(level, List.of(new Candidate(filter, Deflater.DEFAULT_STRATEGY)), false, 0, 0);
  }

  /** True when this is more than a single zlib pass. */
  public boolean isOptimizing() {
    return zopfliIterations > 0;
  }
}

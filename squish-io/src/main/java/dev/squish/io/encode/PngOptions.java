package dev.squish.io.encode;

import java.util.List;
import java.util.Objects;
import java.util.zip.Deflater;

/**
 * How {@link IndexedPngEncoder} compresses.
 *
 * @param level deflate level 0..9
 * @param candidates filter and deflate-strategy pairs to try; the smallest result is written
 * @param tryChainedPalette also try the palette in nearest-neighbour chain order (see
 *     {@code PaletteOrder.chained}), which can make the Sub, Up and Paeth filters pay off
 * @param zopfliIterations when above 0, the best candidate's rows are compressed again with zopfli
 *     (this many iterations) and the smaller stream is kept
 */
public record PngOptions(int level, List<Candidate> candidates, boolean tryChainedPalette, int zopfliIterations) {

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

  public PngOptions {
    if (zopfliIterations < 0) {
      throw new IllegalArgumentException("zopfliIterations must be >= 0, got " + zopfliIterations);
    }
    if (level < 0 || level > 9) {
      throw new IllegalArgumentException("level must be in 0..9, got " + level);
    }
    candidates = List.copyOf(candidates);
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("candidates must not be empty");
    }
  }

  /**
   * Level 9, no filter. Measured on the corpus: for palette images no filter beats every other
   * filter and the adaptive heuristic at every k (by 5 to 25%), whatever the palette order, so
   * trying others by default would only cost time.
   */
  public static PngOptions defaults() {
    return new PngOptions(9, List.of(new Candidate(PngFilter.NONE, Deflater.DEFAULT_STRATEGY)), false, 0);
  }

  /**
   * The extra pass of {@code --optimize}: every filter with both deflate strategies, both
   * palette orders, then zopfli on the winner. Tens of times slower; typically 5 to 10% smaller,
   * up to 20% on grey and smooth images.
   */
  public static PngOptions optimized() {
    List<Candidate> all = new java.util.ArrayList<>();
    for (PngFilter f : PngFilter.values()) {
      all.add(new Candidate(f, Deflater.DEFAULT_STRATEGY));
      all.add(new Candidate(f, Deflater.FILTERED));
    }
    return new PngOptions(9, all, true, ZOPFLI_ITERATIONS);
  }

  /** Zopfli iterations of {@link #optimized()}; 15 gained under 0.2% more on the corpus at twice the time. */
  public static final int ZOPFLI_ITERATIONS = 5;

  /** True when this is more than a single zlib pass. */
  public boolean isOptimizing() {
    return zopfliIterations > 0 || candidates.size() > 1 || tryChainedPalette;
  }

  /** One candidate only: fastest. */
  public static PngOptions of(int level, PngFilter filter) {
    return new PngOptions(level, List.of(new Candidate(filter, Deflater.DEFAULT_STRATEGY)), false, 0);
  }
}

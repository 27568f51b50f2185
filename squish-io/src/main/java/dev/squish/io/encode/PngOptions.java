package dev.squish.io.encode;

import java.util.List;
import java.util.Objects;
import java.util.zip.Deflater;

/**
 * How {@link IndexedPngEncoder} compresses.
 *
 * @param level deflate level 0..9
 * @param candidates filter and deflate-strategy pairs to try; the smallest result is written
 */
public record PngOptions(int level, List<Candidate> candidates) {

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
    return new PngOptions(9, List.of(new Candidate(PngFilter.NONE, Deflater.DEFAULT_STRATEGY)));
  }

  /** One candidate only: fastest. */
  public static PngOptions of(int level, PngFilter filter) {
    return new PngOptions(level, List.of(new Candidate(filter, Deflater.DEFAULT_STRATEGY)));
  }
}

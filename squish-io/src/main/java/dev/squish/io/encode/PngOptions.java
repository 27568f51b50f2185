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

  // The writer's effort at each speed (index 0 is speed 1), measured on the corpus (see README's speed table).
  private static final int[] LEVEL = {9, 9, 9, 7, 6, 6, 5, 4, 3, 2, 1};
  private static final PngFilter[] ALL = PngFilter.values();
  private static final PngFilter[] SOME = {PngFilter.NONE, PngFilter.SUB, PngFilter.UP, PngFilter.PAETH};
  private static final PngFilter[] FEW = {PngFilter.NONE, PngFilter.PAETH};
  private static final PngFilter[] ONE = {PngFilter.NONE};
  private static final PngFilter[][] FILTERS = {ALL, ALL, ALL, ALL, ALL, SOME, SOME, FEW, FEW, ONE, ONE};

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
   * The writer at the default speed ({@link #of(Speed)}): every filter ranked on a sample of rows,
   * on the palette as given and in chain order, then deflate level 7.
   */
  public static PngOptions defaults() {
    return of(Speed.DEFAULT);
  }

  /**
   * {@return the effort of the writer at {@code speed}}: the candidates ranked, the size of their
   * sample, and the deflate level of the stream written. On most photos no filter wins (palette
   * indices are not ordinal), but on grey and smooth images a chained palette with Sub or Paeth
   * rows is 5 to 18% smaller; filtered rows are deflated with zlib's {@code FILTERED} strategy,
   * which on the corpus makes them 2 to 5% smaller than the default strategy does. Level 9 up to
   * speed 3; the default, 4, writes level 7: measured on the corpus, 58% less time than level 9
   * for files 1.6% larger, which the {@code FILTERED} strategy more than wins back. Faster speeds
   * try fewer filters at lower levels, down to one unfiltered level-1 pass at speed 11.
   *
   * @param speed the speed
   */
  public static PngOptions of(Speed speed) {
    int s = speed.value() - Speed.SLOWEST;
    List<Candidate> candidates = new ArrayList<>();
    for (PngFilter f : FILTERS[s]) {
      candidates.add(new Candidate(f, f == PngFilter.NONE ? Deflater.DEFAULT_STRATEGY : Deflater.FILTERED));
    }
    int sample = s == 0 ? 2 * DEFAULT_SCREENING_BYTES : DEFAULT_SCREENING_BYTES;
    return new PngOptions(LEVEL[s], candidates, FILTERS[s].length > 1, 0, sample);
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

package dev.squish.bench;

/**
 * The two corpus images the stage benchmarks run on by default, from the project's root: a small
 * photo (0.4 MP, where fixed costs show) and a large one (12 MP, where the per-pixel work shows).
 */
public final class StageImages {
  /** kodim07, 768×512, PNG. */
  public static final String SMALL = "../shared/corpus/kodak-kodim07.png";
  /** lomiri-sunset, 4272×2848, JPEG. */
  public static final String LARGE = "../shared/corpus/lomiri-sunset.jpg";

  private StageImages() {}
}

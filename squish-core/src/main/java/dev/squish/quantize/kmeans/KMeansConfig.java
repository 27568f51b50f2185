package dev.squish.quantize.kmeans;

import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.Method;
import java.util.Objects;

/**
 * Settings of a k-means fit.
 *
 * @param k palette size, {@link Method#MIN_K}..{@link Method#MAX_K}
 * @param maxIterations cap on Lloyd iterations over the full histogram, at least 1
 * @param tolerance stop when the objective (weighted sum of squared errors) drops by less than this fraction of itself
 *     in one iteration; 0 runs until no colour changes cluster or the cap is hit
 * @param restarts number of k-means++ seedings tried on the coarse histogram, the best kept; at least 1
 * @param swaps random-swap trials on the coarse histogram after seeding (see {@link RandomSwap}); 0 for none
 * @param seed seed of every random choice
 * @param space the colour space the clustering runs in
 */
public record KMeansConfig(int k, int maxIterations, double tolerance, int restarts, int swaps, long seed,
    ColorSpace space) {
  /** Default relative objective drop at which the iterations stop. */
  public static final double DEFAULT_TOLERANCE = 1e-5;
  /** Default iteration cap. */
  public static final int DEFAULT_MAX_ITERATIONS = 300;

  public KMeansConfig {
    Method.checkK("k", k);
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
    }
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) { // written so that NaN is rejected too
      throw new IllegalArgumentException("tolerance must be a finite number >= 0, got " + tolerance);
    }
    if (restarts < 1) {
      throw new IllegalArgumentException("restarts must be >= 1, got " + restarts);
    }
    if (swaps < 0) {
      throw new IllegalArgumentException("swaps must be >= 0, got " + swaps);
    }
    Objects.requireNonNull(space, "space");
  }

  /**
   * The defaults for {@code k} colours. The search effort on the coarse grid is derived from k:
   * small palettes get more seedings and random swaps, because there a single Lloyd run most often
   * stops in a poor local optimum and a trial is cheap (measured on the corpus: at k = 16 four
   * seedings gain 0.08 dB of mean PSNR, at k = 64 a hundred swaps 0.02 to 0.03 dB, at k = 256
   * neither gains 0.01 dB while costing a third more time).
   */
  public static KMeansConfig of(int k, long seed, ColorSpace space) {
    int restarts = Math.max(1, Math.min(4, 64 / Math.max(1, k)));
    int swaps = k <= 64 ? 100 : 0;
    return new KMeansConfig(k, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, restarts, swaps, seed, space);
  }

  /** One seeding and no random swaps: for a quick fit whose result is only a first impression. */
  public static KMeansConfig quick(int k, long seed, ColorSpace space) {
    return new KMeansConfig(k, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, 1, 0, seed, space);
  }
}

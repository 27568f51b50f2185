package dev.squish.quantize.kmeans;

import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.Method;
import dev.squish.quantize.Speed;
import java.util.Objects;

/**
 * Settings of a k-means fit.
 *
 * @param k palette size, {@link Method#MIN_K}..{@link Method#MAX_K}
 * @param maxIterations cap on Lloyd iterations of each run, at least 1
 * @param tolerance stop when the objective (weighted sum of squared errors) drops by less than this fraction of itself
 *     in one iteration; 0 runs until no colour changes cluster or the cap is hit
 * @param restarts number of k-means++ seedings tried on the coarse histogram, the best kept; at least 1
 * @param swaps random-swap trials on the coarse histogram after seeding (see {@link RandomSwap}); 0 for none
 * @param seedingTrials candidates per centre of the greedy k-means++ seeding, the best kept; at least 1
 * @param seed seed of every random choice
 * @param space the colour space the clustering runs in
 */
public record KMeansConfig(int k, int maxIterations, double tolerance, int restarts, int swaps, int seedingTrials,
    long seed, ColorSpace space) {
  /** Relative objective drop at which the iterations stop at speed 3, the effort of squish before speeds. */
  public static final double DEFAULT_TOLERANCE = 1e-5;
  /** Iteration cap at the slower speeds. */
  public static final int DEFAULT_MAX_ITERATIONS = 300;

  // The effort at each speed (index 0 is speed 1), measured on the corpus (see README's speed table).
  // Speed 3 is what squish did before speeds existed; 1 and 2 try harder. From 4 (the default) on,
  // each step gives up what costs the most time for the least PSNR: seedings and random swaps first
  // (at k = 64 a hundred swaps gain 0.02 dB), then the last, slow Lloyd iterations (a tolerance of
  // 1e-4 instead of 1e-5 costs 0.005 dB and saves a third of the time at k = 256).
  private static final int[] MAX_RESTARTS = {8, 4, 4, 2, 2, 1, 1, 1, 1, 1, 1};
  private static final int[] SWAPS = {300, 150, 100, 50, 20, 10, 5, 0, 0, 0, 0};
  private static final double[] TOLERANCE = {1e-6, 3e-6, 1e-5, 1e-4, 2e-4, 3e-4, 5e-4, 1e-3, 2e-3, 5e-3, 1e-2};
  private static final int[] MAX_ITERATIONS = {300, 300, 300, 200, 100, 60, 40, 30, 20, 10, 4};
  /** 0: the standard greedy count, {@code 2 + ln k}. */
  private static final int[] SEEDING_TRIALS = {0, 0, 0, 3, 3, 2, 2, 2, 1, 1, 1};

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
    if (seedingTrials < 1) {
      throw new IllegalArgumentException("seedingTrials must be >= 1, got " + seedingTrials);
    }
    Objects.requireNonNull(space, "space");
  }

  /**
   * The settings for {@code k} colours at {@code speed}. Besides the speed, the effort depends on
   * k: small palettes get more seedings and random swaps, because there a single Lloyd run most
   * often stops in a poor local optimum and a trial is cheap (measured on the corpus: at k = 16
   * four seedings gain 0.08 dB of mean PSNR, at k = 64 a hundred swaps 0.02 to 0.03 dB, at k = 256
   * neither gains 0.01 dB while costing a third more time).
   */
  public static KMeansConfig of(int k, long seed, ColorSpace space, Speed speed) {
    int s = speed.value() - Speed.SLOWEST;
    int restarts = Math.max(1, Math.min(MAX_RESTARTS[s], 64 / Math.max(1, k)));
    int swaps = k <= 64 ? SWAPS[s] : 0;
    int greedy = KMeansPlusPlus.greedyTrials(k);
    int trials = SEEDING_TRIALS[s] == 0 ? greedy : Math.min(greedy, SEEDING_TRIALS[s]);
    return new KMeansConfig(k, MAX_ITERATIONS[s], TOLERANCE[s], restarts, swaps, trials, seed, space);
  }

  /** The settings for {@code k} colours at the default speed. */
  public static KMeansConfig of(int k, long seed, ColorSpace space) {
    return of(k, seed, space, Speed.DEFAULT);
  }

  /** One seeding and no random swaps: for a quick fit whose result is only a first impression. */
  public static KMeansConfig quick(int k, long seed, ColorSpace space) {
    return new KMeansConfig(k, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, 1, 0, KMeansPlusPlus.greedyTrials(k), seed,
        space);
  }
}

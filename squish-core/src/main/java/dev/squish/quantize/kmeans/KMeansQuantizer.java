package dev.squish.quantize.kmeans;

import dev.squish.color.ColorCoordinates;
import dev.squish.histogram.ColorHistogram;
import dev.squish.quantize.Palette;
import dev.squish.quantize.Quantization;
import dev.squish.quantize.Quantizer;
import dev.squish.quantize.RoundedPalette;
import dev.squish.quantize.WeightedPoints;
import java.util.Objects;

/**
 * Colour quantization by weighted k-means on the histogram.
 *
 * <ol>
 *   <li>When the image has no more distinct colours than k, the palette is those colours: lossless.
 *   <li>Otherwise the colours are pooled into a coarse grid of a few thousand cells; greedy
 *       k-means++ seeds k centres on the cells and Lloyd iterations converge there
 *       ({@code restarts} times, the lowest error kept).
 *   <li>Lloyd iterations then run on every distinct colour, weighted by its pixel count, until
 *       the objective drops by less than {@code tolerance} of itself or the cap is hit; an empty
 *       cluster is moved to the colour that contributes most error.
 *   <li>The centres are rounded to 8-bit colours and every colour is assigned again to its nearest
 *       rounded entry ({@link RoundedPalette}).
 * </ol>
 *
 * <p>Minimizing squared error in sRGB is minimizing MSE, hence maximizing PSNR. Thread-safe;
 * uses all cores; deterministic for a given seed.
 */
public final class KMeansQuantizer implements Quantizer {
  private final KMeansConfig config;

  public KMeansQuantizer(KMeansConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public KMeansConfig config() {
    return config;
  }

  @Override
  public Quantization quantize(ColorHistogram histogram) {
    int k = config.colors();
    if (histogram.size() <= k) {
      return exact(histogram);
    }
    boolean alpha = hasAlpha(histogram);
    ColorCoordinates space = config.space().coordinates(alpha);
    WeightedPoints points = WeightedPoints.of(histogram, space);
    FitOnGrid result = fit(histogram, points, alpha);
    KMeansFit fit = result.fit();
    RoundedPalette rounded = RoundedPalette.of(fit.centers(), k, points, fit.labels(), space);
    double total = histogram.totalCount();
    double[] perPixel = fit.objectiveHistory().clone();
    for (int i = 0; i < perPixel.length; i++) {
      perPixel[i] /= total;
    }
    KMeansReport report = new KMeansReport(fit.iterations(), fit.converged(), rounded.sumSquaredError() / total,
        perPixel, fit.reseeded(), result.coarsePoints(), false);
    return new Quantization(rounded.palette(), rounded.assignment(), report);
  }

  private record FitOnGrid(KMeansFit fit, int coarsePoints) {}

  /** Seeds on a coarse grid when the histogram is large, then refines on every colour. */
  private FitOnGrid fit(ColorHistogram histogram, WeightedPoints points, boolean alpha) {
    int k = config.colors();
    int minCells = Math.max(8 * k, 4096);
    CoarseGrid grid = points.size() > 3 * minCells ? CoarseGrid.of(histogram, points, alpha, minCells) : null;
    WeightedPoints seedOn = grid == null ? points : grid.points();
    KMeansFit best = null;
    for (int r = 0; r < config.restarts(); r++) {
      KMeansFit candidate = KMeans.fit(seedOn, k, config.maxIterations(), config.tolerance(), restartSeed(r));
      if (best == null || candidate.objective() < best.objective()) {
        best = candidate;
      }
    }
    best = RandomSwap.refine(seedOn, best, config.swaps(), config.tolerance(),
        new java.util.SplittableRandom(restartSeed(config.restarts())));
    if (grid == null) {
      return new FitOnGrid(best, 0);
    }
    KMeansFit refined = KMeans.refine(points, best.centers(), k, grid.labelsOfColors(best.labels()),
        config.maxIterations(), config.tolerance());
    return new FitOnGrid(refined, seedOn.size());
  }

  private long restartSeed(int restart) {
    return config.seed() + 0x9E3779B97F4A7C15L * restart;
  }

  private static boolean hasAlpha(ColorHistogram histogram) {
    for (int i = 0; i < histogram.size(); i++) {
      if ((histogram.color(i) >>> 24) != 0xFF) {
        return true;
      }
    }
    return false;
  }

  private static Quantization exact(ColorHistogram histogram) {
    int n = histogram.size();
    int[] identity = new int[n];
    for (int i = 0; i < n; i++) {
      identity[i] = i;
    }
    KMeansReport report = new KMeansReport(0, true, 0, new double[0], 0, 0, true);
    return new Quantization(Palette.of(histogram.colors()), identity, report);
  }
}

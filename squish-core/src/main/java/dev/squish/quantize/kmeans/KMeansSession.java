package dev.squish.quantize.kmeans;

import dev.squish.cluster.Quantization;
import dev.squish.cluster.RoundedPalette;
import dev.squish.cluster.WeightedPoints;
import dev.squish.color.ColorCoordinates;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.Palette;
import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.FitReport;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * One histogram prepared for k-means fits at any k: its colours in the working space and the
 * coarse grids are computed once and shared by every fit, and a fit can start from a smaller
 * palette found before. This is what makes searching for the smallest k that meets a quality
 * target cheap. Thread-safe.
 */
public final class KMeansSession {
  private final ColorHistogram histogram;
  private final ColorSpace space;
  private final boolean alpha;
  private final ColorCoordinates coordinates;
  private final WeightedPoints points;
  private final Map<Integer, CoarseGrid> grids = new HashMap<>();

  public KMeansSession(ColorHistogram histogram, ColorSpace space) {
    this.histogram = Objects.requireNonNull(histogram, "histogram");
    this.space = Objects.requireNonNull(space, "space");
    this.alpha = hasAlpha(histogram);
    this.coordinates = ColorCoordinates.of(space, alpha);
    this.points = WeightedPoints.of(histogram, coordinates);
  }

  /** The colour space the session works in. */
  public ColorSpace space() {
    return space;
  }

  public ColorHistogram histogram() {
    return histogram;
  }

  /** The histogram's colours in the working space, weighted by their counts. */
  public WeightedPoints points() {
    return points;
  }

  /**
   * {@return the bytes held beyond the histogram}: the colours in the working space with their
   * weights, and the coarse grids kept for seeding (one per grid size asked for).
   */
  public synchronized long estimatedBytes() {
    long bytes = (long) points.size() * (8L * points.dimensions() + 8);
    for (CoarseGrid g : grids.values()) {
      bytes += g.estimatedBytes();
    }
    return bytes;
  }

  /** The working-space coordinates used (with alpha when the image uses it). */
  public ColorCoordinates coordinates() {
    return coordinates;
  }

  /**
   * Quantizes with {@code config} (its colour space must be this session's).
   *
   * @param warmStart a palette found before for fewer colours, whose entries are kept as the
   *     first centres (the others are added by k-means++), or null to seed from scratch with the
   *     configured restarts
   */
  public Quantization quantize(KMeansConfig config, Palette warmStart) {
    if (config.space() != space) {
      throw new IllegalArgumentException("config is for " + config.space() + ", this session for " + space);
    }
    int k = config.k();
    if (histogram.size() <= k) {
      return exact(histogram);
    }
    FitOnGrid result = fitOnGrid(config, warmStart);
    KMeansFit fit = result.fit();
    RoundedPalette rounded = RoundedPalette.of(fit.centers(), k, points, fit.labels(), coordinates);
    double total = histogram.totalCount();
    double[] perPixel = fit.objectiveHistory().clone();
    for (int i = 0; i < perPixel.length; i++) {
      perPixel[i] /= total;
    }
    FitReport.KMeans report = new FitReport.KMeans(fit.iterations(), fit.converged(),
        rounded.sumSquaredError() / total, perPixel, fit.reseeded(), result.coarsePoints(), false);
    return new Quantization(rounded.palette(), rounded.assignment(), report);
  }

  /**
   * The k-means fit behind {@link #quantize}, before rounding: the centres in the working space
   * ({@link #coordinates()}) and the cluster of every histogram colour, for methods seeded from
   * k-means, such as EM. When the histogram has no more colours than k, the centres are the
   * colours themselves.
   */
  public KMeansFit fit(KMeansConfig config) {
    if (config.space() != space) {
      throw new IllegalArgumentException("config is for " + config.space() + ", this session for " + space);
    }
    int n = histogram.size();
    if (n <= config.k()) {
      int[] identity = new int[n];
      for (int i = 0; i < n; i++) {
        identity[i] = i;
      }
      return new KMeansFit(points.coords().clone(), n, identity, 0, 0, true, new double[0], 0, 0);
    }
    return fitOnGrid(config, null).fit();
  }

  private record FitOnGrid(KMeansFit fit, int coarsePoints) {}

  /** Seeds on a coarse grid when the histogram is large, then refines on every colour. */
  private FitOnGrid fitOnGrid(KMeansConfig config, Palette warmStart) {
    int k = config.k();
    int minCells = Math.max(8 * k, 4096);
    CoarseGrid grid = points.size() > 3 * minCells ? grid(minCells) : null;
    WeightedPoints seedOn = grid == null ? points : grid.points();
    double[] pinned = pinned();
    KMeansFit best = warmStart == null ? seeded(config, seedOn, pinned)
        : warmStarted(config, seedOn, warmStart, pinned);
    best = RandomSwap.refine(seedOn, best, config.swaps(), config.tolerance(),
        new SplittableRandom(restartSeed(config, config.restarts())));
    KMeansFit fit = grid == null ? best
        : KMeans.refine(points, best.centers(), k, best.fixed(), grid.labelsOfColors(best.labels()),
            config.maxIterations(), config.tolerance());
    return new FitOnGrid(fit, grid == null ? 0 : seedOn.size());
  }

  /**
   * The centres held in place: the fully transparent colour, when the image has fully
   * transparent pixels. Its pixels must stay invisible whatever k is: left free, its centre can be
   * pulled off alpha 0 by antialiased rims, and the whole background would show faintly.
   */
  private double[] pinned() {
    if (!alpha || histogram.indexOf(0) < 0) {
      return new double[0];
    }
    double[] origin = new double[coordinates.dimensions()];
    coordinates.toPoint(0, origin, 0);
    return origin;
  }

  private static KMeansFit seeded(KMeansConfig config, WeightedPoints seedOn, double[] pinned) {
    KMeansFit best = null;
    for (int r = 0; r < config.restarts(); r++) {
      KMeansFit candidate = KMeans.fitAround(seedOn, pinned, config.k(), config.seedingTrials(),
          config.maxIterations(), config.tolerance(), restartSeed(config, r));
      if (best == null || candidate.objective() < best.objective()) {
        best = candidate;
      }
    }
    return best;
  }

  private KMeansFit warmStarted(KMeansConfig config, WeightedPoints seedOn, Palette warmStart, double[] pinned) {
    int d = coordinates.dimensions();
    int fixed = pinned.length / d;
    double[] start = new double[Math.min(warmStart.size() + fixed, config.k()) * d];
    System.arraycopy(pinned, 0, start, 0, pinned.length);
    int given = fixed;
    for (int j = 0; j < warmStart.size() && given < config.k(); j++) {
      int c = warmStart.color(j);
      if (fixed > 0 && (c >>> 24) == 0) {
        continue; // already pinned
      }
      coordinates.toPoint(c, start, given * d);
      given++;
    }
    double[] centers = KMeansPlusPlus.extend(seedOn, Arrays.copyOf(start, given * d), config.k(),
        config.seedingTrials(), new SplittableRandom(restartSeed(config, 0)));
    return KMeans.refine(seedOn, centers, config.k(), fixed, null, config.maxIterations(), config.tolerance());
  }

  private synchronized CoarseGrid grid(int minCells) {
    return grids.computeIfAbsent(minCells, m -> CoarseGrid.of(histogram, points, alpha, m));
  }

  private static long restartSeed(KMeansConfig config, int restart) {
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
    FitReport.KMeans report = new FitReport.KMeans(0, true, 0, new double[0], 0, 0, true);
    return new Quantization(Palette.of(histogram.colors()), identity, report);
  }
}

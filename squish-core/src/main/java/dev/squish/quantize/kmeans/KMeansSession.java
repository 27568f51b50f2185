package dev.squish.quantize.kmeans;

import dev.squish.cluster.DistinctColors;
import dev.squish.cluster.Pins;
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
import java.util.List;
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
  private DistinctColors distinct;

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
    return quantize(config, warmStart, Pins.NONE);
  }

  /**
   * Like {@link #quantize(KMeansConfig, Palette)}, holding {@code pins}: every kept colour is a
   * centre that never moves and is written exactly, even when no pixel is nearest to it.
   *
   * @throws IllegalArgumentException when the kept colours (and the transparent entry) do not fit in k
   */
  public Quantization quantize(KMeansConfig config, Palette warmStart, Pins pins) {
    if (config.space() != space) {
      throw new IllegalArgumentException("config is for " + config.space() + ", this session for " + space);
    }
    int k = config.k();
    Pinned pinned = pinned(pins, k);
    int[] union = exactPalette(pinned, k);
    if (union != null) {
      return exact(histogram, union);
    }
    FitOnGrid result = fitKeepingDistinct(config, warmStart, pinned, pins.distinct());
    KMeansFit fit = result.fit();
    RoundedPalette rounded = RoundedPalette.of(fit.centers(), k, points, fit.labels(), coordinates,
        pinned.argb());
    double total = histogram.totalCount();
    double[] perPixel = fit.objectiveHistory().clone();
    for (int i = 0; i < perPixel.length; i++) {
      perPixel[i] /= total;
    }
    FitReport.KMeans report = new FitReport.KMeans(fit.iterations(), fit.converged(),
        rounded.sumSquaredError() / total, perPixel, fit.reseeded(), result.coarsePoints(), false,
        result.distinct());
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
    return fitOnGrid(config, null, pinned(Pins.NONE, config.k())).fit();
  }

  /**
   * Like {@link #fit(KMeansConfig)}, holding {@code pins}: the first {@link KMeansFit#fixed()}
   * centres are the pinned ones, in the order of {@link #pinnedColors}. Only for histograms with
   * more colours than can be kept exactly (see {@link #exactPalette}).
   */
  public KMeansFit fit(KMeansConfig config, Pins pins) {
    if (pins.equals(Pins.NONE)) {
      return fit(config);
    }
    if (config.space() != space) {
      throw new IllegalArgumentException("config is for " + config.space() + ", this session for " + space);
    }
    Pinned pinned = pinned(pins, config.k());
    if (exactPalette(pinned, config.k()) != null) {
      throw new IllegalArgumentException("the histogram and the kept colours fit in k = " + config.k());
    }
    return fitKeepingDistinct(config, null, pinned, pins.distinct()).fit();
  }

  /**
   * {@return the palette that holds every colour of the histogram and every kept colour, when
   * there are at most k of them; null when a fit is needed}
   *
   * @throws IllegalArgumentException when the kept colours do not fit in k
   */
  public int[] exactPalette(Pins pins, int k) {
    return exactPalette(pinned(pins, k), k);
  }

  /**
   * {@return the colours a fit with {@code pins} holds in place, in order: the fully transparent
   * colour when the image has it, then the kept colours}; as many as the fit's {@link KMeansFit#fixed()}
   */
  public int[] pinnedColors(Pins pins) {
    return pinned(pins, Integer.MAX_VALUE).argb();
  }

  private record FitOnGrid(KMeansFit fit, int coarsePoints, int distinct) {}

  /**
   * The pinned centres in the working space; the first {@code argb.length} stand for the colours
   * of {@code argb} (written exactly), any after them for small distinct colours.
   */
  private record Pinned(double[] centers, int[] argb) {}

  /**
   * The fit, and when it lost small distinct colours (see {@link DistinctColors}), the fit again
   * with an entry pinned at each of them. Pinning, rather than seeding, is what guarantees the
   * entry: Lloyd iterations would otherwise pull a lone centre into the big areas around it.
   */
  private FitOnGrid fitKeepingDistinct(KMeansConfig config, Palette warmStart, Pinned pins, boolean distinct) {
    FitOnGrid first = fitOnGrid(config, warmStart, pins);
    int d = coordinates.dimensions();
    int fixed = pins.centers().length / d;
    // a third of the free entries at most: at k = 16 up to 5 groups, below k = 8 none
    int room = Math.min(DistinctColors.MAX_GROUPS, (config.k() - fixed) / 3);
    if (!distinct || config.k() < DistinctColors.MIN_K || room < 1) {
      return first;
    }
    KMeansFit fit = first.fit();
    int[] argb = new int[fit.k()];
    for (int j = 0; j < argb.length; j++) {
      argb[j] = coordinates.toArgb(fit.centers(), j * d);
    }
    List<DistinctColors.Group> lost = distinctColors().lost(argb);
    if (lost.isEmpty()) {
      return first;
    }
    int extra = Math.min(room, lost.size());
    double[] centers = Arrays.copyOf(pins.centers(), (fixed + extra) * d);
    for (int g = 0; g < extra; g++) {
      coordinates.toPoint(lost.get(g).argb(), centers, (fixed + g) * d);
    }
    FitOnGrid second = fitOnGrid(config, warmStart, new Pinned(centers, pins.argb()));
    return new FitOnGrid(second.fit(), second.coarsePoints(), extra);
  }

  /** The small distinct colours of the histogram, found on first use. */
  private synchronized DistinctColors distinctColors() {
    if (distinct == null) {
      distinct = DistinctColors.of(histogram);
    }
    return distinct;
  }

  /** Seeds on a coarse grid when the histogram is large, then refines on every colour. */
  private FitOnGrid fitOnGrid(KMeansConfig config, Palette warmStart, Pinned pins) {
    int k = config.k();
    int minCells = Math.max(8 * k, 4096);
    CoarseGrid grid = points.size() > 3 * minCells ? grid(minCells) : null;
    WeightedPoints seedOn = grid == null ? points : grid.points();
    double[] pinned = pins.centers();
    KMeansFit best = warmStart == null ? seeded(config, seedOn, pinned)
        : warmStarted(config, seedOn, warmStart, pins);
    best = RandomSwap.refine(seedOn, best, config.swaps(), config.tolerance(),
        new SplittableRandom(restartSeed(config, config.restarts())));
    KMeansFit fit = grid == null ? best
        : KMeans.refine(points, best.centers(), k, best.fixed(), grid.labelsOfColors(best.labels()),
            config.maxIterations(), config.tolerance());
    return new FitOnGrid(fit, grid == null ? 0 : seedOn.size(), 0);
  }

  /**
   * The centres held in place: the fully transparent colour, when the image has fully
   * transparent pixels. Its pixels must stay invisible whatever k is: left free, its centre can be
   * pulled off alpha 0 by antialiased rims, and the whole background would show faintly.
   */
  private Pinned pinned(Pins pins, int k) {
    boolean transparent = alpha && histogram.indexOf(0) >= 0;
    int[] kept = pins.keptArray();
    int extra = 0;
    for (int c : kept) {
      // a kept fully transparent colour is the transparent entry (its RGB is the hidden colour's)
      if (!(transparent && (c >>> 24) == 0)) {
        extra++;
      }
    }
    int fixed = (transparent ? 1 : 0) + extra;
    Pins.checkFits(fixed, kept.length, k);
    int d = coordinates.dimensions();
    double[] centers = new double[fixed * d];
    int[] argb = new int[fixed];
    int j = 0;
    if (transparent) {
      coordinates.toPoint(0, centers, 0);
      j = 1;
    }
    for (int c : kept) {
      if (!(transparent && (c >>> 24) == 0)) {
        coordinates.toPoint(c, centers, j * d);
        argb[j++] = c;
      }
    }
    return new Pinned(centers, argb);
  }

  /** The histogram's colours followed by the kept colours it lacks, when they are at most k; else null. */
  private int[] exactPalette(Pinned pins, int k) {
    int n = histogram.size();
    if (n > k) {
      return null;
    }
    int[] colors = Arrays.copyOf(histogram.colors(), k);
    int size = n;
    for (int c : pins.argb()) {
      if (histogram.indexOf(c) < 0 && !((c >>> 24) == 0 && histogram.indexOf(0) >= 0)) {
        if (size == k) {
          return null;
        }
        colors[size++] = c;
      }
    }
    return Arrays.copyOf(colors, size);
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

  private KMeansFit warmStarted(KMeansConfig config, WeightedPoints seedOn, Palette warmStart, Pinned pins) {
    double[] pinned = pins.centers();
    int d = coordinates.dimensions();
    int fixed = pinned.length / d;
    boolean transparentPinned = fixed > 0 && alpha && histogram.indexOf(0) >= 0;
    double[] start = new double[Math.min(warmStart.size() + fixed, config.k()) * d];
    System.arraycopy(pinned, 0, start, 0, pinned.length);
    int given = fixed;
    for (int j = 0; j < warmStart.size() && given < config.k(); j++) {
      int c = warmStart.color(j);
      if ((transparentPinned && (c >>> 24) == 0) || contains(pins.argb(), c)) {
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

  private static boolean contains(int[] colors, int c) {
    for (int x : colors) {
      if (x == c) {
        return true;
      }
    }
    return false;
  }

  /** Every colour its own entry; {@code palette} begins with the histogram's colours, in order. */
  private static Quantization exact(ColorHistogram histogram, int[] palette) {
    int n = histogram.size();
    int[] identity = new int[n];
    for (int i = 0; i < n; i++) {
      identity[i] = i;
    }
    FitReport.KMeans report = new FitReport.KMeans(0, true, 0, new double[0], 0, 0, true);
    return new Quantization(Palette.of(palette), identity, report);
  }
}

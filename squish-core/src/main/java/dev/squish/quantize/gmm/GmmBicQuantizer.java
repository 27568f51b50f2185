package dev.squish.quantize.gmm;

import dev.squish.cluster.Pins;
import dev.squish.cluster.Quantization;
import dev.squish.cluster.Quantizer;
import dev.squish.histogram.ColorHistogram;
import dev.squish.quantize.FitReport;
import dev.squish.quantize.KSearch;
import dev.squish.quantize.Method;
import dev.squish.quantize.kmeans.KMeansSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Picks k for the user: fits a mixture ({@link GmmQuantizer}) for each k of a ladder over
 * {@code [minK, maxK]} and keeps the one with the lowest BIC on the histogram.
 *
 * <p>BIC (Schwarz 1978) is {@code -2 ln L + p ln N}: {@code ln L} the log-likelihood of all
 * {@code N} pixels, {@code p} the free parameters ({@code k - 1} weights, {@code k D} means and the
 * covariances' entries: 6 per component for full 3-D covariances). More components always fit
 * better; BIC charges {@code ln N} for every parameter, so a component is worth adding only if it
 * raises the total log-likelihood by about {@code p_component * ln N / 2}. The penalty grows with
 * the logarithm of the pixel count while the likelihood grows with the pixel count itself, so on
 * photos of millions of pixels the penalty is small and BIC tends to the top of the range; it
 * measures how well the colours are described, not how the picture looks (see the PSNR column).
 *
 * <p>The ladder is {@code minK}, {@code maxK} and every power of two and 1.5 times a power of two
 * in between (2, 3, 4, 6, 8, 12, 16, 24, ..., 256): 15 fits for the full range instead of 255, at
 * the price of choosing only among those k. Each k above the number of distinct colours is
 * replaced by that number. The result is the chosen fit, its report carrying the range and the
 * whole table ({@link FitReport.Em#choice()}). A {@link KSearch.Listener} hears each fit as it
 * ends; it cannot change the result.
 */
public final class GmmBicQuantizer implements Quantizer {
  private final GmmConfig config;
  private final int minK;
  private final int maxK;
  private final KSearch.Listener listener;
  private final Pins pins;

  /**
   * @param config settings for every fit; its {@code components} is ignored
   * @param range the k range, and the covariance and mapping (those of {@code config} are used)
   */
  public GmmBicQuantizer(GmmConfig config, Method.EmAutoK range) {
    this(config, range, KSearch.Listener.NONE);
  }

  /**
   * @param config settings for every fit; its {@code components} is ignored
   * @param range the k range, and the covariance and mapping (those of {@code config} are used)
   * @param listener told of the search before the first fit and after each
   */
  public GmmBicQuantizer(GmmConfig config, Method.EmAutoK range, KSearch.Listener listener) {
    this(config, range, listener, Pins.NONE);
  }

  /**
   * @param config settings for every fit; its {@code components} is ignored
   * @param range the k range, and the covariance and mapping (those of {@code config} are used)
   * @param listener told of the search before the first fit and after each
   * @param pins held by every fit (see {@link GmmQuantizer#GmmQuantizer(GmmConfig, Pins)}); the k
   *     tried start at the number of pinned colours
   */
  public GmmBicQuantizer(GmmConfig config, Method.EmAutoK range, KSearch.Listener listener, Pins pins) {
    this.config = Objects.requireNonNull(config, "config");
    this.pins = Objects.requireNonNull(pins, "pins");
    this.minK = range.minK();
    this.maxK = range.maxK();
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** The k values tried for a histogram of {@code distinctColors} colours, increasing. */
  public List<Integer> ladder(int distinctColors) {
    return ladder(distinctColors, minK, 1);
  }

  /** The ladder from {@code minK}, each k capped at the distinct colours but not below {@code floor}. */
  private List<Integer> ladder(int distinctColors, int minK, int floor) {
    TreeSet<Integer> ks = new TreeSet<>();
    ks.add(minK);
    ks.add(maxK);
    for (int p = 2; p <= maxK; p *= 2) {
      for (int v : new int[] {p, p + p / 2}) {
        if (v > minK && v < maxK) {
          ks.add(v);
        }
      }
    }
    TreeSet<Integer> capped = new TreeSet<>();
    for (int k : ks) {
      capped.add(Math.min(k, Math.max(floor, distinctColors)));
    }
    return List.copyOf(capped);
  }

  @Override
  public Quantization quantize(ColorHistogram histogram) {
    return quantize(new KMeansSession(histogram, config.space()));
  }

  /** Quantizes the session's histogram, sharing its working-space colours and grids between the fits. */
  public Quantization quantize(KMeansSession session) {
    ColorHistogram histogram = session.histogram();
    boolean alpha = GmmQuantizer.hasAlpha(histogram);
    // no k below the number of pinned colours can hold them
    int pinned = session.pinnedColors(pins).length;
    int lo = Math.max(minK, Math.min(maxK, pinned));
    KSearch search = new KSearch(KSearch.Criterion.BIC, lo, maxK, ladder(histogram.size(), lo, Math.max(1, pinned)));
    listener.started(search);
    List<KSearch.Trial> rows = new ArrayList<>();
    Quantization best = null;
    double bestBic = Double.POSITIVE_INFINITY;
    for (int k : search.ks()) {
      Quantization q = new GmmQuantizer(config.withComponents(k), pins).quantize(session);
      FitReport.Em r = (FitReport.Em) q.report();
      KSearch.Trial trial = new KSearch.Trial(k, r.components(), r.bic(), r.logLikelihood(), r.parameters(),
          psnr(histogram, q, alpha), r.iterations(), r.converged());
      rows.add(trial);
      if (r.bic() < bestBic) {
        bestBic = r.bic();
        best = q;
      }
      listener.tried(search, trial);
    }
    FitReport.Em e = (FitReport.Em) best.report();
    FitReport.Em chosen = new FitReport.Em(e.k(), e.covariance(), e.assignment(), e.regCovar(), e.space(),
        e.dimensions(), e.coarsePoints(), e.coarseIterations(), e.iterations(), e.converged(), e.logLikelihood(),
        e.logLikelihoodHistory(), e.bic(), e.mixture(), e.collapses(), e.objective(), e.exact(),
        new KSearch.Choice(search, e.k(), rows), e.distinctColors());
    int[] assignment = new int[best.assignedColors()];
    for (int i = 0; i < assignment.length; i++) {
      assignment[i] = best.paletteIndexOf(i);
    }
    return new Quantization(best.palette(), assignment, chosen);
  }

  /**
   * PSNR in dB of {@code q} over the histogram's pixels, straight 8-bit channels (R, G, B, and A
   * when {@code alpha}), like {@link dev.squish.metrics.ErrorMetrics}; fully transparent pixels
   * count with the colour the histogram gives them (0), not the colour hidden under them.
   */
  static double psnr(ColorHistogram histogram, Quantization q, boolean alpha) {
    double sse = 0;
    for (int i = 0; i < histogram.size(); i++) {
      int a = histogram.color(i);
      int b = q.palette().color(q.paletteIndexOf(i));
      long e = sq(((a >>> 16) & 0xFF) - ((b >>> 16) & 0xFF)) + sq(((a >>> 8) & 0xFF) - ((b >>> 8) & 0xFF))
          + sq((a & 0xFF) - (b & 0xFF)) + (alpha ? sq((a >>> 24) - (b >>> 24)) : 0);
      sse += (double) e * histogram.count(i);
    }
    double mse = sse / ((double) histogram.totalCount() * (alpha ? 4 : 3));
    return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
  }

  private static long sq(int v) {
    return (long) v * v;
  }
}

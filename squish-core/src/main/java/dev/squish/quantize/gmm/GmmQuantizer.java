package dev.squish.quantize.gmm;

import dev.squish.cluster.Pins;
import dev.squish.cluster.Quantization;
import dev.squish.cluster.Quantizer;
import dev.squish.cluster.RoundedPalette;
import dev.squish.cluster.WeightedPoints;
import dev.squish.color.ColorCoordinates;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.Palette;
import dev.squish.quantize.Assignment;
import dev.squish.quantize.FitReport;
import dev.squish.quantize.kmeans.KMeansConfig;
import dev.squish.quantize.kmeans.KMeansFit;
import dev.squish.quantize.kmeans.KMeansSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Colour quantization by EM on a mixture of k Gaussians fitted to the weighted colour histogram.
 *
 * <ol>
 *   <li>k-means ({@link KMeansSession#fit}, same seed and space) clusters the colours; each cluster
 *       becomes a component: its pixel share, mean and covariance plus {@code regCovar} (what
 *       scikit-learn's {@code init_params="kmeans"} does).
 *   <li>EM runs on every distinct colour weighted by its pixel count, so the likelihood is that of
 *       every pixel, until the mean log-likelihood per pixel changes by less than the tolerance
 *       (cap {@code maxIterations}). The E-step works in log space with log-sum-exp over
 *       Cholesky-factored densities ({@link ExpectationPass}); the M-step adds {@code regCovar} to
 *       each diagonal ({@link MaximizationStep}). A collapsing component is re-seeded or dropped
 *       as described in {@link Em}, and the report lists it.
 *   <li>The palette is the component means rounded to 8 bits. With {@link Assignment#NEAREST}
 *       every colour takes the nearest entry (what minimizes the error); with
 *       {@link Assignment#MAP} the entry of its most probable component.
 * </ol>
 *
 * <p>With {@code coarseIterations > 0}, EM first runs on the colours pooled into grid cells that
 * carry their own covariance ({@link PooledColors}), then on every colour. It is off by default:
 * measured on five photos, it did not cut the iterations on every colour by much (the pooled
 * optimum blurs the narrow components the full histogram supports), and with the same tolerance it
 * stopped at a lower likelihood.
 *
 * <p>When the image has no more distinct colours than k, each colour is its own component and the
 * palette is the colours themselves: lossless, like k-means. Thread-safe; uses all cores;
 * deterministic for a given seed on any number of cores. (Dempster, Laird and Rubin, "Maximum
 * likelihood from incomplete data via the EM algorithm", 1977; the numerics follow scikit-learn's
 * {@code Mixture}.)
 */
public final class GmmQuantizer implements Quantizer {
  /** Pool the histogram only when that leaves at most this fraction of its colours. */
  private static final int POOL_FACTOR = 3;

  private final GmmConfig config;
  private final Pins pins;

  public GmmQuantizer(GmmConfig config) {
    this(config, Pins.NONE);
  }

  /**
   * @param config the settings
   * @param pins colours held as components whose means never move and written exactly (after the
   *     fully transparent one, when the image has it), and whether small distinct colours get one
   */
  public GmmQuantizer(GmmConfig config, Pins pins) {
    this.config = Objects.requireNonNull(config, "config");
    this.pins = Objects.requireNonNull(pins, "pins");
  }

  public GmmConfig config() {
    return config;
  }

  @Override
  public Quantization quantize(ColorHistogram histogram) {
    return quantize(new KMeansSession(histogram, config.space()));
  }

  /**
   * Quantizes the session's histogram; the session (its points in the working space, its coarse
   * grids) can be shared by several fits, as {@link GmmBicQuantizer} does.
   */
  public Quantization quantize(KMeansSession session) {
    ColorHistogram histogram = session.histogram();
    WeightedPoints points = session.points();
    ColorCoordinates space = session.coordinates();
    boolean alpha = hasAlpha(histogram);
    int n = histogram.size();
    int[] exactPalette = session.exactPalette(pins, config.components());
    boolean exact = exactPalette != null;
    int k = exact ? n : config.components();
    KMeansConfig seeding = KMeansConfig.of(k, config.seed(), config.space(), config.speed());
    KMeansFit seed = exact ? session.fit(seeding) : session.fit(seeding, pins);
    int[] pinnedColors = exact ? new int[0] : session.pinnedColors(pins);
    ExpectationPass full = new ExpectationPass(points, null, k);
    // the fully transparent colour, when present, is pinned by k-means and stays pinned here
    // and so are kept colours and small distinct colours (see KMeansSession#fit(KMeansConfig, Pins))
    int fixed = seed.fixed();
    Mixture start = Em.fromLabels(full, seed.centers(), seed.labels(), fixed, config.covariance(),
        config.regCovar());

    int coarsePoints = 0;
    int coarseIterations = 0;
    List<FitReport.Em.Collapse> collapses = new ArrayList<>();
    PooledColors pooled = config.coarseIterations() > 0 && n > POOL_FACTOR * k
        ? PooledColors.of(histogram, points, alpha, Math.max(16 * k, 4096)) : null;
    if (pooled != null && pooled.points().size() <= n / POOL_FACTOR) {
      ExpectationPass coarse = new ExpectationPass(pooled.points(), pooled.scatter(), k);
      Em.Fit fit = Em.run(coarse, start, fixed, config.covariance(), config.regCovar(), config.tolerance(),
          config.coarseIterations(), space, "coarse");
      start = fit.model();
      coarsePoints = pooled.points().size();
      coarseIterations = fit.iterations();
      collapses.addAll(fit.collapses());
    }
    Em.Fit fit = Em.run(full, start, fixed, config.covariance(), config.regCovar(), config.tolerance(),
        config.maxIterations(), space, "full");
    collapses.addAll(fit.collapses());

    Compacted model = Compacted.of(fit.model(), full.mostProbable());
    double totalWeight = points.totalWeight();
    double bic = -2 * fit.logLikelihood() * totalWeight + model.mixture().parameterCount() * Math.log(totalWeight);
    RoundedPalette rounded = exact ? null : palette(model, points, space, pinnedColors);
    FitReport.Em report = new FitReport.Em(config.components(), config.covariance(), config.assignment(),
        config.regCovar(), config.space(), points.dimensions(), coarsePoints, coarseIterations, fit.iterations(),
        fit.converged(), fit.logLikelihood(), fit.history(), bic, model.mixture().toValue(), collapses,
        exact ? 0 : rounded.sumSquaredError() / totalWeight, exact, null, seed.fixed() - pinnedColors.length);
    if (exact) {
      return new Quantization(Palette.of(exactPalette), identity(n), report);
    }
    return new Quantization(rounded.palette(), rounded.assignment(), report);
  }

  /** The means rounded to 8 bits, with every colour mapped as {@link GmmConfig#assignment()} says. */
  private RoundedPalette palette(Compacted model, WeightedPoints points, ColorCoordinates space, int[] pinned) {
    double[] means = model.mixture().means();
    int live = model.mixture().components();
    // pinned components are never dropped, so they are still the first ones
    return config.assignment() == Assignment.MAP
        ? RoundedPalette.ofLabels(means, live, points, model.labels(), space, pinned)
        : RoundedPalette.of(means, live, points, model.labels(), space, pinned);
  }

  /** The mixture without its dropped (weight 0) components, and the labels renumbered to match. */
  private record Compacted(Mixture mixture, int[] labels) {
    static Compacted of(Mixture m, int[] labels) {
      int k = m.components();
      int d = m.dimensions();
      int[] newIndex = new int[k];
      int live = 0;
      for (int j = 0; j < k; j++) {
        newIndex[j] = m.weight(j) > 0 ? live++ : -1;
      }
      if (live == k) {
        return new Compacted(m, labels.clone());
      }
      double[] w = new double[live];
      double[] mu = new double[live * d];
      double[] cov = new double[live * d * d];
      double sum = 0;
      for (int j = 0; j < k; j++) {
        int t = newIndex[j];
        if (t >= 0) {
          w[t] = m.weight(j);
          sum += w[t];
          System.arraycopy(m.mean(j), 0, mu, t * d, d);
          System.arraycopy(m.covariance(j), 0, cov, t * d * d, d * d);
        }
      }
      for (int t = 0; t < live; t++) {
        w[t] /= sum;
      }
      int[] relabelled = new int[labels.length];
      for (int i = 0; i < labels.length; i++) {
        // a dropped component has weight 0 and so is never the most probable one
        relabelled[i] = newIndex[labels[i]];
      }
      return new Compacted(Mixture.of(m.covarianceType(), d, w, mu, cov), relabelled);
    }
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  static boolean hasAlpha(ColorHistogram histogram) {
    for (int i = 0; i < histogram.size(); i++) {
      if ((histogram.color(i) >>> 24) != 0xFF) {
        return true;
      }
    }
    return false;
  }
}

package dev.squish.quantize.gmm;

import dev.squish.cluster.WeightedPoints;
import dev.squish.color.ColorCoordinates;
import dev.squish.quantize.Covariance;
import dev.squish.quantize.FitReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The EM loop: E-step, convergence test, M-step, collapse policy; repeated until the mean
 * log-likelihood per unit of weight (per pixel) changes by less than the tolerance or the
 * iteration cap is reached. Returns the last mixture whose log-likelihood was measured, so the
 * reported figure is exactly that of the returned model.
 *
 * <p><b>Collapse policy.</b> A component collapses when the M-step leaves it less than
 * {@link #MIN_MASS} pixel of responsibility, or a covariance that cannot be factored even with
 * {@code regCovar} on its diagonal. It is re-seeded on the worst-explained point: the one with the
 * largest {@code weight * (L - log p(x))}, where {@code L} is the largest log density of any point
 * (the analogue of k-means moving an empty cluster to the colour with the largest weighted error).
 * The re-seeded component takes that point as its mean, the covariance of the component that
 * explained the point best (or, if that one collapsed too, the data's covariance shrunk by
 * {@code k^(2/D)}), and the point's share of the weight; the weights are then renormalized. A
 * component that collapses for the {@link #MAX_RESEEDS}+1-th time, or when no point is left to
 * re-seed it on, is dropped (weight 0). Every event is recorded as a {@link FitReport.Em.Collapse}. An iteration
 * that re-seeded never counts as converged: the log-likelihood may fall right after a re-seed.
 *
 * <p><b>Pinned components.</b> The first {@code fixed} components keep their means (the fully
 * transparent colour, which k-means pins too: rims must not pull it off alpha 0). They are never
 * re-seeded or dropped.
 */
final class Em {
  /** Least responsibility mass, in pixels, a component may keep. */
  static final double MIN_MASS = 1.0;
  /** Re-seeds allowed per component before it is dropped. */
  static final int MAX_RESEEDS = 3;

  private Em() {}

  /**
   * The result of one EM run.
   *
   * @param model the last mixture whose log-likelihood was measured
   * @param iterations M-steps applied to the starting mixture
   * @param converged whether the change of the mean log-likelihood fell below the tolerance
   * @param history the mean log-likelihood per unit weight of the starting mixture and after each M-step
   * @param collapses collapsed components and what was done with them
   */
  record Fit(Mixture model, int iterations, boolean converged, double[] history,
      List<FitReport.Em.Collapse> collapses) {
    double logLikelihood() {
      return history[history.length - 1];
    }
  }

  /**
   * Runs EM from {@code start}.
   *
   * @param space maps points back to colours for the report of re-seeds (may be null: colour 0)
   * @param phase the name of this run in {@link FitReport.Em.Collapse#phase()}
   */
  static Fit run(ExpectationPass pass, Mixture start, Covariance type, double regCovar, double tolerance,
      int maxIterations, ColorCoordinates space, String phase) {
    return run(pass, start, 0, type, regCovar, tolerance, maxIterations, space, phase);
  }

  /** Like {@link #run(ExpectationPass, Mixture, Covariance, double, double, int, ColorCoordinates, String)}
   * with the means of the first {@code fixed} components held in place. */
  static Fit run(ExpectationPass pass, Mixture start, int fixed, Covariance type, double regCovar,
      double tolerance, int maxIterations, ColorCoordinates space, String phase) {
    WeightedPoints points = pass.points();
    int k = start.components();
    int d = start.dimensions();
    double totalWeight = points.totalWeight();
    double[] stats = new double[k * pass.stride()];
    int[] reseeds = new int[k];
    List<FitReport.Em.Collapse> collapses = new ArrayList<>();
    double[] history = new double[maxIterations + 1];
    Mixture model = start;
    int iterations = 0;
    boolean converged = false;
    boolean perturbed = true; // the first pass has nothing to compare with
    while (true) {
      boolean last = iterations == maxIterations;
      double ll = pass.run(model, !last) / totalWeight;
      if (Double.isNaN(ll)) {
        throw new IllegalStateException("EM produced NaN log-likelihood at iteration " + iterations);
      }
      history[iterations] = ll;
      if (!perturbed && Math.abs(ll - history[iterations - 1]) < tolerance) {
        converged = true;
        break;
      }
      if (last) {
        break;
      }
      pass.statistics(stats);
      MaximizationStep.Result r = MaximizationStep.run(stats, pass.stride(), model.rawMeans(), model.rawWeights(),
          fixed, d, type, regCovar, totalWeight, MIN_MASS);
      iterations++;
      for (int j = 0; j < fixed; j++) {
        if (r.collapsed()[j] != 0) {
          // a pinned colour keeps its pixels unless the data change; keep it as it was
          keep(model, r, j);
        }
      }
      perturbed = handleCollapses(pass, r, type, regCovar, reseeds, collapses, iterations, space, phase);
      model = Mixture.adopt(type, d, r.weights(), r.means(), r.covariances(), r.lower());
    }
    return new Fit(model, iterations, converged, Arrays.copyOf(history, iterations + 1), collapses);
  }

  private static void keep(Mixture model, MaximizationStep.Result r, int j) {
    int d = model.dimensions();
    int tri = Cholesky.packedSize(d);
    System.arraycopy(model.rawCovariances(), j * d * d, r.covariances(), j * d * d, d * d);
    Cholesky.factor(r.covariances(), j * d * d, d, r.lower(), j * tri);
    r.weights()[j] = model.weight(j);
    r.collapsed()[j] = 0;
  }

  /** Applies the collapse policy to the M-step result in place; true when any component collapsed. */
  private static boolean handleCollapses(ExpectationPass pass, MaximizationStep.Result r, Covariance type,
      double regCovar, int[] reseeds, List<FitReport.Em.Collapse> collapses, int iteration,
      ColorCoordinates space, String phase) {
    int k = r.weights().length;
    boolean any = false;
    boolean[] taken = null;
    for (int j = 0; j < k; j++) {
      int code = r.collapsed()[j];
      if (code == 0) {
        continue;
      }
      any = true;
      double pixels = code == MaximizationStep.SINGULAR ? Double.NaN : r.masses()[j];
      if (taken == null) {
        taken = new boolean[pass.points().size()];
      }
      int point = reseeds[j] < MAX_RESEEDS ? worstExplained(pass, taken) : -1;
      if (point < 0) {
        drop(r, j, pass.points().dimensions());
        collapses.add(new FitReport.Em.Collapse(phase, iteration, j, pixels, false, 0));
        continue;
      }
      taken[point] = true;
      reseeds[j]++;
      reseed(pass, r, j, point, type, regCovar);
      int color = space == null ? 0 : space.toArgb(pass.points().coords(), point * pass.points().dimensions());
      collapses.add(new FitReport.Em.Collapse(phase, iteration, j, pixels, true, color));
    }
    if (any) {
      normalize(r.weights());
    }
    return any;
  }

  /** The point with the largest {@code weight * (L - log p)}, not yet taken; -1 when every point is explained alike. */
  private static int worstExplained(ExpectationPass pass, boolean[] taken) {
    WeightedPoints points = pass.points();
    double[] w = points.weights();
    int n = points.size();
    double top = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      top = Math.max(top, pass.logDensity(i));
    }
    int worst = -1;
    double most = 0;
    for (int i = 0; i < n; i++) {
      double surprise = w[i] * (top - pass.logDensity(i));
      if (!taken[i] && surprise > most) {
        most = surprise;
        worst = i;
      }
    }
    return worst;
  }

  private static void reseed(ExpectationPass pass, MaximizationStep.Result r, int j, int point, Covariance type,
      double regCovar) {
    WeightedPoints points = pass.points();
    int d = points.dimensions();
    int tri = Cholesky.packedSize(d);
    int k = r.weights().length;
    System.arraycopy(points.coords(), point * d, r.means(), j * d, d);
    int donor = pass.mostProbable()[point];
    if (donor != j && r.collapsed()[donor] == 0 && r.weights()[donor] > 0) {
      System.arraycopy(r.covariances(), donor * d * d, r.covariances(), j * d * d, d * d);
      System.arraycopy(r.lower(), donor * tri, r.lower(), j * tri, tri);
    } else {
      shrunkDataCovariance(pass, k, type, regCovar, r.covariances(), j * d * d);
      if (!Cholesky.factor(r.covariances(), j * d * d, d, r.lower(), j * tri)) {
        // only possible when regCovar is 0 and the data are degenerate: fall back to the unit matrix
        Arrays.fill(r.covariances(), j * d * d, (j + 1) * d * d, 0);
        Arrays.fill(r.lower(), j * tri, (j + 1) * tri, 0);
        MaximizationStep.identity(r.covariances(), j * d * d, r.lower(), j * tri, d);
      }
    }
    r.weights()[j] = points.weights()[point] / points.totalWeight();
    r.collapsed()[j] = 0;
  }

  private static void drop(MaximizationStep.Result r, int j, int d) {
    int tri = Cholesky.packedSize(d);
    r.weights()[j] = 0;
    Arrays.fill(r.covariances(), j * d * d, (j + 1) * d * d, 0);
    Arrays.fill(r.lower(), j * tri, (j + 1) * tri, 0);
    MaximizationStep.identity(r.covariances(), j * d * d, r.lower(), j * tri, d);
    r.collapsed()[j] = 0;
  }

  /**
   * The weighted covariance of all points (with their own scatter), divided by {@code k^(2/D)}, shaped, regularized.
   */
  private static void shrunkDataCovariance(ExpectationPass pass, int k, Covariance type, double regCovar,
      double[] out, int oo) {
    WeightedPoints points = pass.points();
    int d = points.dimensions();
    double[] centre = new double[d];
    double[] stats = new double[1 + d + Cholesky.packedSize(d)];
    double[] x = points.coords();
    double[] w = points.weights();
    double[] scatter = pass.scatter();
    int tri = Cholesky.packedSize(d);
    // about the first point, then corrected, as in the E-step: no cancellation
    System.arraycopy(x, 0, centre, 0, d);
    for (int i = 0; i < points.size(); i++) {
      stats[0] += w[i];
      int p = 1 + d;
      for (int a = 0; a < d; a++) {
        double da = x[i * d + a] - centre[a];
        stats[1 + a] += w[i] * da;
        for (int b = 0; b <= a; b++) {
          stats[p++] += w[i] * da * (x[i * d + b] - centre[b]);
        }
      }
      if (scatter != null) {
        for (int t = 0; t < tri; t++) {
          stats[1 + d + t] += w[i] * scatter[i * tri + t];
        }
      }
    }
    double shrink = Math.pow(k, -2.0 / d);
    int p = 1 + d;
    for (int a = 0; a < d; a++) {
      for (int b = 0; b <= a; b++) {
        double v = (stats[p++] / stats[0] - stats[1 + a] / stats[0] * stats[1 + b] / stats[0]) * shrink;
        if (type != Covariance.FULL && a != b) {
          v = 0;
        }
        out[oo + a * d + b] = v;
        out[oo + b * d + a] = v;
      }
    }
    if (type == Covariance.SPHERICAL) {
      double mean = 0;
      for (int a = 0; a < d; a++) {
        mean += out[oo + a * d + a];
      }
      for (int a = 0; a < d; a++) {
        out[oo + a * d + a] = mean / d;
      }
    }
    for (int a = 0; a < d; a++) {
      out[oo + a * d + a] += regCovar;
    }
  }

  private static void normalize(double[] weights) {
    double s = 0;
    for (double v : weights) {
      s += v;
    }
    for (int j = 0; j < weights.length; j++) {
      weights[j] /= s;
    }
  }

  /**
   * The mixture of a hard clustering: component {@code j} is cluster {@code j}'s weight share, mean
   * and covariance (plus {@code regCovar}). This is how EM is seeded from k-means, as scikit-learn
   * does with {@code init_params="kmeans"}. A cluster without points (k-means should leave none)
   * is placed like a re-seeded component would be. The first {@code fixed} clusters keep their centres
   * as means (pinned).
   */
  static Mixture fromLabels(ExpectationPass pass, double[] centers, int[] labels, int fixed,
      Covariance type, double regCovar) {
    int k = pass.components();
    int d = pass.points().dimensions();
    double totalWeight = pass.points().totalWeight();
    pass.runHard(centers, labels);
    double[] stats = new double[k * pass.stride()];
    pass.statistics(stats);
    double[] ones = new double[k];
    Arrays.fill(ones, 1);
    MaximizationStep.Result r = MaximizationStep.run(stats, pass.stride(), centers, ones, fixed, d, type, regCovar,
        totalWeight, Double.MIN_VALUE);
    for (int j = 0; j < k; j++) {
      if (r.collapsed()[j] != 0) {
        System.arraycopy(centers, j * d, r.means(), j * d, d);
        shrunkDataCovariance(pass, k, type, regCovar, r.covariances(), j * d * d);
        int tri = Cholesky.packedSize(d);
        if (!Cholesky.factor(r.covariances(), j * d * d, d, r.lower(), j * tri)) {
          Arrays.fill(r.covariances(), j * d * d, (j + 1) * d * d, 0);
          Arrays.fill(r.lower(), j * tri, (j + 1) * tri, 0);
          MaximizationStep.identity(r.covariances(), j * d * d, r.lower(), j * tri, d);
        }
        r.weights()[j] = 1 / totalWeight;
      }
    }
    normalize(r.weights());
    return Mixture.adopt(type, d, r.weights(), r.means(), r.covariances(), r.lower());
  }
}

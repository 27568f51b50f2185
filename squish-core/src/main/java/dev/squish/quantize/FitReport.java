package dev.squish.quantize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a quantizer did to find its palette. Each method's record carries its own figures and
 * says how to show them, so that a report, a page or a plot never needs to know which method ran:
 * {@link #figures()} for a row of a report, {@link #model()} for the fitted model in JSON,
 * {@link #trace()} and {@link #describe()} for the details of {@code --verbose}, and
 * {@link #convergence()} for a convergence plot. Maps keep their order and hold numbers, strings,
 * booleans, lists, maps and {@code double[]}.
 */
public sealed interface FitReport permits FitReport.KMeans, FitReport.Em {
  /** Every name {@link #figures()} can hold, in report order: the fixed columns of a CSV report. */
  List<String> FIGURES = List.of("method", "iterations", "converged", "log_likelihood_per_pixel", "bic",
      "parameters", "covariance", "assign", "reg_covar");

  /** Short name of the method: {@code kmeans} or {@code em}. */
  String method();

  /** Iterations run by the main loop (0 when the palette was exact). */
  int iterations();

  /** True when the stopping tolerance was reached before the iteration cap (or no iteration was needed). */
  boolean converged();

  /** True when the image had no more colours than k and the palette is exactly its colours. */
  boolean exact();

  /** The flat figures of this fit, named as in {@link #FIGURES} (a subset of them, in that order). */
  Map<String, Object> figures();

  /** The fitted model, for programs (the mixture of EM); empty for k-means. */
  Map<String, Object> model();

  /** The course of the fit: objective per iteration and related figures. */
  Map<String, Object> trace();

  /** The fit in words, one or more lines of text for people. */
  List<String> describe();

  /** What the fit improved iteration by iteration. */
  Convergence convergence();

  /** The Gaussian mixture, for methods that fit one. */
  Optional<GaussianMixture> fittedMixture();

  /**
   * The convergence of a fit.
   *
   * @param measure what was improved, e.g. "squared error per pixel"
   * @param values the measure after each iteration (empty when the palette was exact)
   * @param higherIsBetter true for a likelihood, false for an error
   * @param first the iteration of {@code values[0]}: 0 when the history starts with the starting point
   */
  record Convergence(String measure, double[] values, boolean higherIsBetter, int first) {
    public Convergence {
      values = values.clone();
    }

    @Override
    public double[] values() {
      return values.clone();
    }
  }

  /**
   * How a k-means palette was found.
   *
   * @param iterations Lloyd iterations on the full histogram
   * @param converged whether the tolerance was met before the cap
   * @param objective weighted sum of squared errors per pixel in the working space, after rounding the palette to 8
   *     bits (for sRGB: the mean squared error summed over the channels)
   * @param objectiveHistory sum of squared errors per pixel after each Lloyd iteration on the full histogram
   * @param reseeded empty clusters moved to the worst-fitted colour
   * @param coarsePoints points of the coarse histogram used for seeding (0 when seeding used every colour)
   * @param exact true when the image had no more colours than asked for and the palette is lossless
   */
  record KMeans(int iterations, boolean converged, double objective, double[] objectiveHistory, int reseeded,
      int coarsePoints, boolean exact) implements FitReport {
    public KMeans {
      objectiveHistory = objectiveHistory.clone();
    }

    @Override
    public double[] objectiveHistory() {
      return objectiveHistory.clone();
    }

    @Override
    public String method() {
      return "kmeans";
    }

    @Override
    public Map<String, Object> figures() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("method", method());
      m.put("iterations", iterations);
      m.put("converged", converged);
      return m;
    }

    @Override
    public Map<String, Object> model() {
      return Map.of();
    }

    @Override
    public Map<String, Object> trace() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("objective_per_pixel", objective);
      m.put("reseeded_clusters", reseeded);
      m.put("coarse_points", coarsePoints);
      m.put("exact", exact);
      m.put("objective_history", objectiveHistory());
      return m;
    }

    @Override
    public List<String> describe() {
      if (exact) {
        return List.of("kmeans: the image has no more colours than k; palette is exact (lossless)");
      }
      return List.of(String.format(Locale.ROOT, "kmeans: %d iterations, converged %s, objective %.3f per pixel after"
          + " rounding, %d empty clusters reseeded, seeded on %d coarse points", iterations, converged, objective,
          reseeded, coarsePoints));
    }

    @Override
    public Convergence convergence() {
      return new Convergence("squared error per pixel", objectiveHistory, false, 1);
    }

    @Override
    public Optional<GaussianMixture> fittedMixture() {
      return Optional.empty();
    }
  }

  /**
   * How a Gaussian-mixture palette was found, and the mixture itself.
   *
   * @param requestedComponents k asked for (with {@link Method.EmAutoK}: the k chosen)
   * @param covariance covariance type
   * @param assignment how colours were mapped to palette entries
   * @param regCovar the value added to each covariance diagonal, squared working-space units
   * @param space the colour space the mixture was fitted in
   * @param dimensions coordinates of the working space: 3, or 4 for images with transparency (premultiplied, with
   *     alpha as the fourth coordinate, as k-means clusters them)
   * @param coarsePoints pooled points EM ran on before the full histogram (0 when it ran on the full histogram only)
   * @param coarseIterations EM iterations on the pooled points
   * @param iterations EM iterations on the full histogram
   * @param converged whether the change of the mean log-likelihood fell below the tolerance before the cap
   * @param logLikelihood final mean log-likelihood per pixel over every pixel, density in working-space units
   * @param logLikelihoodHistory mean log-likelihood per pixel of the starting mixture and after every iteration
   * @param bic Bayesian information criterion {@code -2 ln L + p ln N}, {@code N} the number of pixels
   * @param mixture the fitted mixture, whose means rounded to 8 bits are the palette
   * @param collapses components that collapsed and were re-seeded or dropped
   * @param objective weighted sum of squared errors per pixel in the working space after rounding the palette
   * @param exact true when the image had no more colours than k and the palette is lossless
   * @param selection with {@link Method.EmAutoK}: every k tried, with its BIC and PSNR; empty otherwise
   */
  record Em(int requestedComponents, Method.Covariance covariance, Method.Assignment assignment, double regCovar,
      ColorSpace space, int dimensions, int coarsePoints, int coarseIterations, int iterations, boolean converged,
      double logLikelihood, double[] logLikelihoodHistory, double bic, GaussianMixture mixture,
      List<Collapse> collapses, double objective, boolean exact, List<Candidate> selection) implements FitReport {

    public Em {
      logLikelihoodHistory = logLikelihoodHistory.clone();
      collapses = List.copyOf(collapses);
      selection = List.copyOf(selection);
    }

    /**
     * A component that collapsed during EM, and what was done about it.
     *
     * @param phase {@code "coarse"} (EM on the pooled histogram) or {@code "full"} (on every colour)
     * @param iteration the EM iteration of that phase whose M-step found the collapse (1-based)
     * @param component index of the component
     * @param pixels the responsibility mass it had left, in pixels (NaN when its covariance was singular instead)
     * @param reseeded true when it was re-seeded, false when it was dropped from the mixture
     * @param color the colour it was re-seeded on, {@code 0xAARRGGBB} (0 when dropped)
     */
    public record Collapse(String phase, int iteration, int component, double pixels, boolean reseeded, int color) {}

    /**
     * One row of the k-versus-BIC table of {@link Method.EmAutoK}: a mixture fitted with {@code k}
     * components, scored.
     *
     * @param k components asked for
     * @param components components in the fitted mixture (fewer than k when the image has fewer colours)
     * @param bic Bayesian information criterion on the histogram (lower is better)
     * @param logLikelihood mean log-likelihood per pixel
     * @param parameters free parameters
     * @param psnr PSNR in dB of the palette with the chosen mapping, over the histogram (infinite when lossless)
     * @param iterations EM iterations over the full histogram
     * @param converged whether EM converged
     */
    public record Candidate(int k, int components, double bic, double logLikelihood, int parameters, double psnr,
        int iterations, boolean converged) {}

    @Override
    public double[] logLikelihoodHistory() {
      return logLikelihoodHistory.clone();
    }

    @Override
    public String method() {
      return "em";
    }

    /** Components in the fitted mixture. */
    public int components() {
      return mixture.components();
    }

    /** Free parameters of the mixture, as BIC counts them. */
    public int parameters() {
      return mixture.parameterCount();
    }

    /** Components re-seeded after collapsing. */
    public long reseeded() {
      return collapses.stream().filter(Collapse::reseeded).count();
    }

    /** This report with the k-versus-BIC table of a model selection. */
    public Em withSelection(List<Candidate> newSelection) {
      return new Em(requestedComponents, covariance, assignment, regCovar, space, dimensions, coarsePoints,
          coarseIterations, iterations, converged, logLikelihood, logLikelihoodHistory, bic, mixture, collapses,
          objective, exact, newSelection);
    }

    /**
     * The coordinates the mixture lives in: for opaque sRGB images the 8-bit values, the units of
     * the benchmark harness's log-likelihood; otherwise the working space k-means uses too.
     */
    public String coordinates() {
      if (space == ColorSpace.SRGB) {
        return dimensions == 4 ? "srgb premultiplied RGBA (k-means working space)" : "RGB 0..255";
      }
      return space.id() + (dimensions == 4 ? " premultiplied with alpha (k-means working space)" : "");
    }

    @Override
    public Map<String, Object> figures() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("method", method());
      m.put("iterations", iterations);
      m.put("converged", converged);
      m.put("log_likelihood_per_pixel", logLikelihood);
      m.put("bic", bic);
      m.put("parameters", parameters());
      m.put("covariance", covariance.id());
      m.put("assign", assignment.id());
      m.put("reg_covar", round(regCovar, 9));
      return m;
    }

    @Override
    public Map<String, Object> model() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("coordinates", coordinates());
      m.put("reseeded_components", reseeded());
      List<Object> events = new ArrayList<>();
      for (Collapse c : collapses) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("phase", c.phase());
        e.put("iteration", c.iteration());
        e.put("component", c.component());
        e.put("pixels_left", c.pixels());
        e.put("action", c.reseeded() ? "reseeded" : "dropped");
        e.put("color", c.reseeded() ? hex(c.color()) : null);
        events.add(e);
      }
      m.put("collapses", events);
      if (!selection.isEmpty()) {
        List<Object> rows = new ArrayList<>();
        for (Candidate c : selection) {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("k", c.k());
          e.put("components", c.components());
          e.put("bic", c.bic());
          e.put("log_likelihood_per_pixel", c.logLikelihood());
          e.put("parameters", c.parameters());
          e.put("psnr_db", Double.isInfinite(c.psnr()) ? null : round(c.psnr(), 4));
          e.put("iterations", c.iterations());
          e.put("converged", c.converged());
          rows.add(e);
        }
        m.put("k_selection", rows);
      }
      m.put("components", componentList());
      return m;
    }

    private List<Object> componentList() {
      int d = mixture.dimensions();
      List<Object> out = new ArrayList<>();
      for (int j = 0; j < mixture.components(); j++) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("weight", round(mixture.weight(j), 8));
        double[] mean = mixture.mean(j);
        for (int t = 0; t < d; t++) {
          mean[t] = round(mean[t], 6);
        }
        c.put("mean", mean);
        double[] cov = mixture.covariance(j);
        List<Object> rows = new ArrayList<>();
        for (int a = 0; a < d; a++) {
          double[] row = new double[d];
          for (int b = 0; b < d; b++) {
            row[b] = round(cov[a * d + b], 6);
          }
          rows.add(row);
        }
        c.put("covariance", rows);
        out.add(c);
      }
      return out;
    }

    @Override
    public Map<String, Object> trace() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("objective_per_pixel", objective);
      m.put("coarse_points", coarsePoints);
      m.put("coarse_iterations", coarseIterations);
      m.put("exact", exact);
      m.put("log_likelihood_history", logLikelihoodHistory());
      return m;
    }

    @Override
    public List<String> describe() {
      List<String> lines = new ArrayList<>();
      if (exact) {
        lines.add("em: the image has no more colours than k; one component per colour, palette exact (lossless)");
      }
      String pooled = coarsePoints > 0 ? String.format(Locale.ROOT, "%d iterations on %d pooled colours, then ",
          coarseIterations, coarsePoints) : "";
      lines.add(String.format(Locale.ROOT, "em: %d components, %s covariances, %s mapping; %s%d on every colour,"
          + " converged %s", components(), covariance.id(), assignment.id(), pooled, iterations, converged));
      lines.add(String.format(Locale.ROOT, "log-likelihood %.4f per pixel (%s), BIC %.1f with %d parameters,"
          + " reg_covar %.6g, %d components re-seeded", logLikelihood, coordinates(), bic, parameters(), regCovar,
          reseeded()));
      for (Collapse c : collapses) {
        lines.add(String.format(Locale.ROOT, "collapse: %s iteration %d, component %d (%.3g pixels left) %s",
            c.phase(), c.iteration(), c.component(), c.pixels(),
            c.reseeded() ? "re-seeded on " + hex(c.color()) : "dropped"));
      }
      if (!selection.isEmpty()) {
        lines.add("k chosen by BIC (lower is better); PSNR over the histogram with this mapping:");
        lines.add(String.format(Locale.ROOT, "%5s %6s %16s %12s %9s %6s", "k", "comps", "BIC", "loglik/px",
            "PSNR dB", "iters"));
        for (Candidate c : selection) {
          String psnr = Double.isInfinite(c.psnr()) ? "lossless" : String.format(Locale.ROOT, "%.2f", c.psnr());
          lines.add(String.format(Locale.ROOT, "%5d %6d %16.1f %12.4f %9s %6d%s", c.k(), c.components(), c.bic(),
              c.logLikelihood(), psnr, c.iterations(), c.bic() == bic ? "  <- chosen" : ""));
        }
      }
      lines.addAll(componentTable());
      return lines;
    }

    private List<String> componentTable() {
      int d = mixture.dimensions();
      String[] names = d == 4 ? new String[] {"R", "G", "B", "A"} : new String[] {"R", "G", "B"};
      StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%4s %8s  mean (", "comp", "weight"));
      head.append(String.join(" ", names)).append(")   covariance (upper triangle, row by row:");
      for (int a = 0; a < d; a++) {
        for (int b = a; b < d; b++) {
          head.append(' ').append(names[a]).append(names[b]);
        }
      }
      List<String> lines = new ArrayList<>();
      lines.add(head.append(")").toString());
      for (int j = 0; j < mixture.components(); j++) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%4d %8.5f ", j, mixture.weight(j)));
        for (double v : mixture.mean(j)) {
          sb.append(String.format(Locale.ROOT, " %7.2f", v));
        }
        sb.append("  ");
        double[] cov = mixture.covariance(j);
        for (int a = 0; a < d; a++) {
          for (int b = a; b < d; b++) {
            sb.append(String.format(Locale.ROOT, " %9.3f", cov[a * d + b]));
          }
        }
        lines.add(sb.toString());
      }
      return lines;
    }

    @Override
    public Convergence convergence() {
      // the history starts with the k-means start and adds one value per iteration
      return new Convergence("mean log-likelihood per pixel", logLikelihoodHistory, true, 0);
    }

    @Override
    public Optional<GaussianMixture> fittedMixture() {
      return Optional.of(mixture);
    }
  }

  /** {@code v} rounded to {@code decimals} decimals (NaN and infinities as they are). */
  private static double round(double v, int decimals) {
    if (!Double.isFinite(v)) {
      return v;
    }
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }

  private static String hex(int argb) {
    return String.format("#%08x", argb);
  }
}

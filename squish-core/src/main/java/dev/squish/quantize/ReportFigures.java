package dev.squish.quantize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the reports show themselves: the flat figures of a report row, the course of the fit, the
 * fitted model for programs and the details for people. Kept apart from the records, which hold
 * the data.
 */
final class ReportFigures {
  private ReportFigures() {}

  /** The figures every method has, in {@link FitReport#FIGURES} order. */
  static Map<String, Object> common(FitReport fit) {
    return Collections.unmodifiableMap(commonFigures(fit));
  }

  private static Map<String, Object> commonFigures(FitReport fit) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", fit.method());
    m.put("iterations", fit.iterations());
    m.put("converged", fit.converged());
    return m;
  }

  /** EM's figures: the common ones and the mixture's likelihood, size and settings. */
  static Map<String, Object> figures(FitReport.Em em) {
    Map<String, Object> m = commonFigures(em);
    m.put("log_likelihood_per_pixel", em.logLikelihood());
    m.put("bic", em.bic());
    m.put("parameters", em.parameters());
    m.put("covariance", em.covariance().id());
    m.put("assign", em.assignment().id());
    m.put("reg_covar", round(em.regCovar(), 9));
    return Collections.unmodifiableMap(m);
  }

  /** The course of a k-means fit. */
  static Map<String, Object> trace(FitReport.KMeans k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("objective_per_pixel", k.objective());
    m.put("reseeded_clusters", k.reseeded());
    m.put("coarse_points", k.coarsePoints());
    m.put("exact", k.exact());
    m.put("distinct_colors", k.distinctColors());
    m.put("objective_history", k.objectiveHistory());
    return Collections.unmodifiableMap(m);
  }

  /** The course of an EM fit. */
  static Map<String, Object> trace(FitReport.Em em) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("objective_per_pixel", em.objective());
    m.put("coarse_points", em.coarsePoints());
    m.put("coarse_iterations", em.coarseIterations());
    m.put("exact", em.exact());
    m.put("distinct_colors", em.distinctColors());
    m.put("log_likelihood_history", em.logLikelihoodHistory());
    return Collections.unmodifiableMap(m);
  }

  /** The words for the distinct colours a fit gave an entry: nothing when none. */
  private static String distinct(int n) {
    return n == 0 ? "" : String.format(Locale.ROOT, ", %d small distinct colour%s given an entry", n,
        n == 1 ? "" : "s");
  }

  /** A k-means fit in words. */
  static List<String> describe(FitReport.KMeans k) {
    if (k.exact()) {
      return List.of("kmeans: the image has no more colours than k; palette is exact (lossless)");
    }
    return List.of(String.format(Locale.ROOT, "kmeans: %d iterations, converged %s, objective %.3f per pixel after"
        + " rounding, %d empty clusters reseeded, seeded on %d coarse points%s", k.iterations(), k.converged(),
        k.objective(), k.reseeded(), k.coarsePoints(), distinct(k.distinctColors())));
  }

  /** The fitted mixture, its collapses and the k-versus-BIC table, for JSON. */
  static Map<String, Object> model(FitReport.Em em) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("coordinates", coordinates(em));
    m.put("reseeded_components", em.reseeded());
    List<Object> events = new ArrayList<>();
    for (FitReport.Em.Collapse c : em.collapses()) {
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
    if (!em.selection().isEmpty()) {
      List<Object> rows = new ArrayList<>();
      for (KSearch.Trial c : em.selection()) {
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
    m.put("components", components(em.mixture()));
    return Collections.unmodifiableMap(m);
  }

  private static List<Object> components(GaussianMixture mixture) {
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

  /** The fit in words: the run, the likelihood, each collapse, the BIC table and the components. */
  static List<String> describe(FitReport.Em em) {
    List<String> lines = new ArrayList<>();
    if (em.exact()) {
      lines.add("em: the image has no more colours than k; one component per colour, palette exact (lossless)");
    }
    String pooled = em.coarsePoints() > 0 ? String.format(Locale.ROOT, "%d iterations on %d pooled colours, then ",
        em.coarseIterations(), em.coarsePoints()) : "";
    lines.add(String.format(Locale.ROOT, "em: %d components, %s covariances, %s mapping; %s%d on every colour,"
        + " converged %s", em.components(), em.covariance().id(), em.assignment().id(), pooled, em.iterations(),
        em.converged()));
    lines.add(String.format(Locale.ROOT, "log-likelihood %.4f per pixel (%s), BIC %.1f with %d parameters,"
        + " reg_covar %.6g, %d components re-seeded", em.logLikelihood(), coordinates(em), em.bic(),
        em.parameters(), em.regCovar(), em.reseeded()) + distinct(em.distinctColors()));
    for (FitReport.Em.Collapse c : em.collapses()) {
      lines.add(String.format(Locale.ROOT, "collapse: %s iteration %d, component %d (%.3g pixels left) %s",
          c.phase(), c.iteration(), c.component(), c.pixels(),
          c.reseeded() ? "re-seeded on " + hex(c.color()) : "dropped"));
    }
    if (!em.selection().isEmpty()) {
      KSearch search = em.choice().search();
      lines.add(String.format(Locale.ROOT, "k chosen by BIC over %s (lower is better), %d tries; PSNR over the"
          + " histogram with this mapping:", search.range(), search.ks().size()));
      lines.add(String.format(Locale.ROOT, "%5s %6s %16s %12s %9s %6s", "k", "comps", "BIC", "loglik/px",
          "PSNR dB", "iters"));
      for (KSearch.Trial c : em.selection()) {
        String psnr = Double.isInfinite(c.psnr()) ? "lossless" : String.format(Locale.ROOT, "%.2f", c.psnr());
        lines.add(String.format(Locale.ROOT, "%5d %6d %16.1f %12.4f %9s %6d%s", c.k(), c.components(), c.bic(),
            c.logLikelihood(), psnr, c.iterations(), c.k() == em.k() ? "  <- chosen" : ""));
      }
    }
    lines.addAll(componentTable(em.mixture()));
    return Collections.unmodifiableList(lines);
  }

  private static List<String> componentTable(GaussianMixture mixture) {
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

  /** {@code v} rounded to {@code decimals} decimals (NaN and infinities as they are). */
  static double round(double v, int decimals) {
    if (!Double.isFinite(v)) {
      return v;
    }
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }

  static String hex(int argb) {
    return String.format("#%08x", argb);
  }

  /**
   * The coordinates the mixture lives in: for opaque sRGB images the 8-bit values, the units of the
   * benchmark harness's log-likelihood; otherwise the working space k-means uses too.
   */
  static String coordinates(FitReport.Em em) {
    if (em.space() == ColorSpace.SRGB) {
      return em.dimensions() == 4 ? "srgb premultiplied RGBA (k-means working space)" : "RGB 0..255";
    }
    return em.space().id() + (em.dimensions() == 4 ? " premultiplied with alpha (k-means working space)" : "");
  }
}

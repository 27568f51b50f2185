package dev.squish.cli;

import dev.squish.color.ColorSpace;
import dev.squish.pipeline.QualitySearch;
import dev.squish.pipeline.QualityTarget;
import dev.squish.quantize.FitReport;
import dev.squish.quantize.gmm.Collapse;
import dev.squish.quantize.gmm.GaussianMixture;
import dev.squish.quantize.gmm.GmmReport;
import dev.squish.quantize.gmm.KCandidate;
import dev.squish.quantize.kmeans.KMeansReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Formats results for people (one line) and for programs (JSON objects and report rows). */
final class Report {
  private Report() {}

  /** The one-line summary of a written file. */
  static String line(FileResult.Written r) {
    String psnr = r.quality().lossless() ? "lossless" : String.format(Locale.ROOT, "PSNR %.2f dB", r.quality().psnr());
    String perceptual = r.quality().hasPerceptual() ? String.format(Locale.ROOT, ", SSIM %.4f, deltaE00 %.3f",
        r.quality().ssim(), r.quality().deltaE2000()) : "";
    return String.format(Locale.ROOT, "%s -> %s: %d B -> %d B, ratio %.2f, %.3f bpp, %d colours, %s%s%s%s, %.2f s",
        r.input(), r.output(), r.inputBytes(), r.outputBytes(), r.ratio(), r.bitsPerPixel(), r.colors(), psnr,
        perceptual, r.quality().channels().equals("RGBA") ? " (RGBA)" : "", searched(r.search()), r.seconds());
  }

  /** ", k = 37 chosen for PSNR >= 38 dB" after a quality search; empty otherwise. */
  private static String searched(FileResult.Search s) {
    if (s == null) {
      return "";
    }
    String reached = s.target().measure() == QualityTarget.Measure.PSNR
        ? String.format(Locale.ROOT, "%.2f dB", s.quality()) : String.format(Locale.ROOT, "%.3f", s.quality());
    return String.format(Locale.ROOT, ", k = %d chosen for %s (reached %s) in %d tries", s.k(), target(s.target()),
        reached, s.probes().size());
  }

  /** The target as the user gave it: "PSNR 35-40 dB" or "mean deltaE00 <= 2". */
  static String target(QualityTarget t) {
    return t.measure() == QualityTarget.Measure.PSNR
        ? "PSNR " + number(t.minimum()) + "-" + number(t.target()) + " dB"
        : "mean deltaE00 <= " + number(t.target());
  }

  /** A number as people write it: no trailing zeros ("38", "2.5"). */
  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
        : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** The columns of a report row, in order; every row has all of them, null where they do not apply. */
  static final List<String> COLUMNS = List.of("input", "output", "status", "reason", "input_bytes", "output_bytes",
      "ratio", "bits_per_pixel", "width", "height", "k", "colors", "channels", "mse", "psnr_db", "lossless",
      "ssim", "delta_e2000", "quality_target", "quality_reached", "k_tried", "seconds", "method", "iterations", "converged", "log_likelihood_per_pixel", "bic", "parameters", "covariance",
      "assign", "reg_covar");

  /** The columns only EM fills; k-means lines of {@code --json} leave them out. */
  static final List<String> EM_COLUMNS = List.of("log_likelihood_per_pixel", "bic", "parameters", "covariance",
      "assign", "reg_covar");

  /** The columns of {@code --metrics} and the quality targets; JSON lines leave them out when not asked for. */
  static final List<String> OPTIONAL_COLUMNS = List.of("ssim", "delta_e2000", "quality_target", "quality_reached",
      "k_tried");

  /** The line printed for a skipped file. */
  static String line(FileResult.Skipped r) {
    return r.input() + ": skipped: " + r.reason();
  }

  /** The status word of a result: written, skipped or failed. */
  static String status(FileResult r) {
    if (r instanceof FileResult.Written) {
      return "written";
    }
    return r instanceof FileResult.Skipped ? "skipped" : "failed";
  }

  /** One row of the report: every figure of {@code r} under the names in {@link #COLUMNS}. */
  static Map<String, Object> row(FileResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String c : COLUMNS) {
      m.put(c, null);
    }
    m.put("input", r.input());
    m.put("status", status(r));
    if (r instanceof FileResult.Skipped s) {
      if (s.search() != null) {
        m.put("k", s.search().k());
        m.put("quality_target", target(s.search().target()));
        m.put("quality_reached", round(s.search().quality(), 4));
      }
      m.put("output", s.output());
      m.put("reason", s.reason());
    } else if (r instanceof FileResult.Failed f) {
      m.put("reason", f.reason());
    } else if (r instanceof FileResult.Written w) {
      written(m, w);
    }
    return m;
  }

  private static void written(Map<String, Object> m, FileResult.Written r) {
    m.put("output", r.output());
    m.put("input_bytes", r.inputBytes());
    m.put("output_bytes", r.outputBytes());
    m.put("ratio", round(r.ratio(), 4));
    m.put("bits_per_pixel", round(r.bitsPerPixel(), 5));
    m.put("width", r.width());
    m.put("height", r.height());
    m.put("k", r.fit() instanceof GmmReport g ? g.requestedComponents() : r.k());
    m.put("colors", r.colors());
    m.put("channels", r.quality().channels());
    m.put("mse", round(r.quality().mse(), 6));
    m.put("psnr_db", r.quality().lossless() ? null : round(r.quality().psnr(), 4));
    m.put("lossless", r.quality().lossless());
    if (r.quality().hasPerceptual()) {
      m.put("ssim", round(r.quality().ssim(), 6));
      m.put("delta_e2000", round(r.quality().deltaE2000(), 5));
    }
    if (r.search() != null) {
      m.put("quality_target", target(r.search().target()));
      m.put("quality_reached", round(r.search().quality(), 4));
      StringBuilder tried = new StringBuilder();
      for (QualitySearch.Probe p : r.search().probes()) {
        tried.append(tried.length() == 0 ? "" : " ").append(p.k());
      }
      m.put("k_tried", tried.toString());
    }
    m.put("seconds", round(r.seconds(), 4));
    m.put("method", r.fit().method());
    m.put("iterations", r.fit().iterations());
    m.put("converged", r.fit().converged());
    if (r.fit() instanceof GmmReport g) {
      m.put("log_likelihood_per_pixel", g.logLikelihood());
      m.put("bic", g.bic());
      m.put("parameters", g.parameters());
      m.put("covariance", g.covariance().id());
      m.put("assign", g.assignment().id());
      m.put("reg_covar", round(g.regCovar(), 9));
    }
  }

  /**
   * The object printed per file by {@code --json}: the report row (for EM with the whole model),
   * and with {@code verbose} the fit details.
   */
  static Map<String, Object> json(FileResult r, boolean verbose) {
    Map<String, Object> m = row(r);
    if (r instanceof FileResult.Written w && w.fit() instanceof GmmReport g) {
      mixture(m, g);
    } else {
      EM_COLUMNS.forEach(m::remove); // k-means lines stay as they were
    }
    for (String c : OPTIONAL_COLUMNS) {
      if (m.get(c) == null) {
        m.remove(c); // present only when --metrics or a quality target asked for them
      }
    }
    if (verbose && r instanceof FileResult.Written w) {
      m.put("fit", fit(w.fit()));
    }
    return m;
  }

  /** The EM figures: in every JSON line of {@code --method em}, so the model can be compared and reused. */
  private static void mixture(Map<String, Object> m, GmmReport g) {
    // the flat figures (log-likelihood, BIC, ...) are in the row already
    m.put("coordinates", coordinates(g));
    m.put("reseeded_components", g.reseeded());
    List<Object> collapses = new ArrayList<>();
    for (Collapse c : g.collapses()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("phase", c.phase());
      e.put("iteration", c.iteration());
      e.put("component", c.component());
      e.put("pixels_left", c.pixels());
      e.put("action", c.reseeded() ? "reseeded" : "dropped");
      e.put("color", c.reseeded() ? hex(c.color()) : null);
      collapses.add(e);
    }
    m.put("collapses", collapses);
    if (!g.selection().isEmpty()) {
      List<Object> rows = new ArrayList<>();
      for (KCandidate c : g.selection()) {
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
    m.put("components", components(g.mixture()));
  }

  /**
   * The coordinates the mixture lives in: for opaque sRGB images the 8-bit values, the units of
   * the harness's log-likelihood; otherwise the working space k-means uses too.
   */
  private static String coordinates(GmmReport g) {
    if (g.space() == ColorSpace.SRGB) {
      return g.dimensions() == 4 ? "srgb premultiplied RGBA (k-means working space)" : "RGB 0..255";
    }
    return g.space().id() + (g.dimensions() == 4 ? " premultiplied with alpha (k-means working space)" : "");
  }

  private static List<Object> components(GaussianMixture mix) {
    int d = mix.dimensions();
    List<Object> out = new ArrayList<>();
    for (int j = 0; j < mix.components(); j++) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("weight", round(mix.weight(j), 8));
      double[] mean = mix.mean(j);
      for (int t = 0; t < d; t++) {
        mean[t] = round(mean[t], 6);
      }
      c.put("mean", mean);
      double[] cov = mix.covariance(j);
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

  private static Map<String, Object> fit(FitReport fit) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (fit instanceof KMeansReport k) {
      m.put("objective_per_pixel", k.objective());
      m.put("reseeded_clusters", k.reseeded());
      m.put("coarse_points", k.coarsePoints());
      m.put("exact", k.exact());
      m.put("objective_history", k.objectiveHistory());
    } else if (fit instanceof GmmReport g) {
      m.put("objective_per_pixel", g.objective());
      m.put("coarse_points", g.coarsePoints());
      m.put("coarse_iterations", g.coarseIterations());
      m.put("exact", g.exact());
      m.put("log_likelihood_history", g.logLikelihoodHistory());
    }
    return m;
  }

  /** The verbose text lines about the fit. */
  static String fitDetails(FitReport fit) {
    if (fit instanceof KMeansReport k) {
      if (k.exact()) {
        return "  kmeans: the image has no more colours than k; palette is exact (lossless)";
      }
      return String.format(Locale.ROOT,
          "  kmeans: %d iterations, converged %s, objective %.3f per pixel after rounding, %d empty clusters reseeded,"
              + " seeded on %d coarse points",
          k.iterations(), k.converged(), k.objective(), k.reseeded(), k.coarsePoints());
    }
    if (fit instanceof GmmReport g) {
      return emDetails(g);
    }
    return "  " + fit.method() + ": " + fit.iterations() + " iterations, converged " + fit.converged();
  }

  private static String emDetails(GmmReport g) {
    StringBuilder sb = new StringBuilder();
    String units = coordinates(g);
    if (g.exact()) {
      sb.append("  em: the image has no more colours than k; one component per colour, palette exact (lossless)\n");
    }
    sb.append(String.format(Locale.ROOT, "  em: %d components, %s covariances, %s mapping; ", g.components(),
        g.covariance().id(), g.assignment().id()));
    if (g.coarsePoints() > 0) {
      sb.append(String.format(Locale.ROOT, "%d iterations on %d pooled colours, then ", g.coarseIterations(),
          g.coarsePoints()));
    }
    sb.append(String.format(Locale.ROOT, "%d on every colour, converged %s%n", g.iterations(), g.converged()));
    sb.append(String.format(Locale.ROOT,
        "  log-likelihood %.4f per pixel (%s), BIC %.1f with %d parameters, reg_covar %.6g, %d components re-seeded%n",
        g.logLikelihood(), units, g.bic(), g.parameters(), g.regCovar(), g.reseeded()));
    for (Collapse c : g.collapses()) {
      sb.append(String.format(Locale.ROOT, "  collapse: %s iteration %d, component %d (%.3g pixels left) %s%n",
          c.phase(), c.iteration(), c.component(), c.pixels(),
          c.reseeded() ? "re-seeded on " + hex(c.color()) : "dropped"));
    }
    if (!g.selection().isEmpty()) {
      sb.append("  k chosen by BIC (lower is better); PSNR over the histogram with this mapping:\n");
      sb.append(String.format(Locale.ROOT, "  %5s %6s %16s %12s %9s %6s%n", "k", "comps", "BIC", "loglik/px",
          "PSNR dB", "iters"));
      for (KCandidate c : g.selection()) {
        sb.append(String.format(Locale.ROOT, "  %5d %6d %16.1f %12.4f %9s %6d%s%n", c.k(), c.components(), c.bic(),
            c.logLikelihood(), Double.isInfinite(c.psnr()) ? "lossless" : String.format(Locale.ROOT, "%.2f", c.psnr()),
            c.iterations(), c.bic() == g.bic() ? "  <- chosen" : ""));
      }
    }
    sb.append(componentTable(g.mixture()));
    return sb.toString().stripTrailing();
  }

  private static String componentTable(GaussianMixture mix) {
    int d = mix.dimensions();
    String[] names = d == 4 ? new String[] {"R", "G", "B", "A"} : new String[] {"R", "G", "B"};
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %4s %8s  mean (", "comp", "weight"));
    head.append(String.join(" ", names)).append(")   covariance (upper triangle, row by row:");
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        head.append(' ').append(names[a]).append(names[b]);
      }
    }
    StringBuilder sb = new StringBuilder(head).append(")\n");
    for (int j = 0; j < mix.components(); j++) {
      sb.append(String.format(Locale.ROOT, "  %4d %8.5f ", j, mix.weight(j)));
      double[] mean = mix.mean(j);
      for (double v : mean) {
        sb.append(String.format(Locale.ROOT, " %7.2f", v));
      }
      sb.append("  ");
      double[] cov = mix.covariance(j);
      for (int a = 0; a < d; a++) {
        for (int b = a; b < d; b++) {
          sb.append(String.format(Locale.ROOT, " %9.3f", cov[a * d + b]));
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String hex(int argb) {
    return String.format("#%08x", argb);
  }

  static double round(double v, int decimals) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return v;
    }
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}

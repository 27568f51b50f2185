package dev.squish.cli;

import dev.squish.quantize.FitReport;
import dev.squish.quantize.kmeans.KMeansReport;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Formats results for people (one line) and for programs (one JSON object per line). */
final class Report {
  private Report() {}

  /** The one-line summary of a written file. */
  static String line(FileResult.Written r) {
    String psnr = r.quality().lossless() ? "lossless" : String.format(Locale.ROOT, "PSNR %.2f dB", r.quality().psnr());
    return String.format(Locale.ROOT, "%s -> %s: %d B -> %d B, ratio %.2f, %.3f bpp, %d colours, %s%s, %.2f s",
        r.input(), r.output(), r.inputBytes(), r.outputBytes(), r.ratio(), r.bitsPerPixel(), r.colors(), psnr,
        r.quality().channels().equals("RGBA") ? " (RGBA)" : "", r.seconds());
  }

  /** The same figures as {@link #line}, and with {@code verbose} the fit details, as a JSON object. */
  static Map<String, Object> json(FileResult.Written r, boolean verbose) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("input", r.input());
    m.put("output", r.output());
    m.put("status", "written");
    m.put("input_bytes", r.inputBytes());
    m.put("output_bytes", r.outputBytes());
    m.put("ratio", round(r.ratio(), 4));
    m.put("bits_per_pixel", round(r.bitsPerPixel(), 5));
    m.put("width", r.width());
    m.put("height", r.height());
    m.put("k", r.k());
    m.put("colors", r.colors());
    m.put("channels", r.quality().channels());
    m.put("mse", round(r.quality().mse(), 6));
    m.put("psnr_db", r.quality().lossless() ? null : round(r.quality().psnr(), 4));
    m.put("lossless", r.quality().lossless());
    m.put("seconds", round(r.seconds(), 4));
    m.put("method", r.fit().method());
    m.put("iterations", r.fit().iterations());
    m.put("converged", r.fit().converged());
    if (verbose) {
      m.put("fit", fit(r.fit()));
    }
    return m;
  }

  static Map<String, Object> json(FileResult.Failed r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("input", r.input());
    m.put("status", "failed");
    m.put("reason", r.reason());
    return m;
  }

  static Map<String, Object> json(FileResult.Skipped r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("input", r.input());
    m.put("status", "skipped");
    m.put("reason", r.reason());
    return m;
  }

  private static Map<String, Object> fit(FitReport fit) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (fit instanceof KMeansReport k) {
      m.put("objective_per_pixel", k.objective());
      m.put("reseeded_clusters", k.reseeded());
      m.put("coarse_points", k.coarsePoints());
      m.put("exact", k.exact());
      m.put("objective_history", k.objectiveHistory());
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
    return "  " + fit.method() + ": " + fit.iterations() + " iterations, converged " + fit.converged();
  }

  static double round(double v, int decimals) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return v;
    }
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}

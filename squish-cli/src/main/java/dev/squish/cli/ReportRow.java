package dev.squish.cli;

import dev.squish.quantize.FitReport;
import dev.squish.quantize.KSearch;
import dev.squish.view.Figures;
import dev.squish.view.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One input's figures for programs: a row of the {@code --report} file, and the object {@code --json} prints. */
final class ReportRow {
  private ReportRow() {}

  /** The columns before the fit's own figures. */
  private static final List<String> FILE_COLUMNS = List.of("input", "output", "status", "reason", "input_bytes",
      "output_bytes", "ratio", "bits_per_pixel", "width", "height", "frames", "k", "colors", "channels", "mse",
      "psnr_db", "lossless", "ssim", "delta_e2000", "k_chosen_by", "k_range", "quality_target", "quality_reached",
      "k_tried", "color_profile", "color_handling", "sample_bits", "warnings", "seconds");

  /** The columns of a report row, in order; every row has all of them, null where they do not apply. */
  static final List<String> COLUMNS = Stream.concat(FILE_COLUMNS.stream(), FitReport.FIGURES.stream()).toList();

  /** Columns that {@code --json} lines leave out when they are empty: those of --metrics, of choosing k and EM. */
  private static final List<String> OPTIONAL_COLUMNS = Stream.concat(Stream.of("ssim", "delta_e2000",
      "k_chosen_by", "k_range", "quality_target", "quality_reached", "k_tried", "warnings"), FitReport.FIGURES.stream())
      .toList();

  /** The value of {@code k_chosen_by} after a --quality or --max-delta-e search; a method's own is its criterion's. */
  static final String BY_QUALITY = "quality";

  /** The status word of a result: written, skipped or failed. */
  static String status(FileResult r) {
    if (r instanceof FileResult.Written) {
      return "written";
    }
    return r instanceof FileResult.Skipped ? "skipped" : "failed";
  }

  /** One row of the report: every figure of {@code r} under the names in {@link #COLUMNS}. */
  static Map<String, Object> of(FileResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String c : COLUMNS) {
      m.put(c, null);
    }
    m.put("input", r.input());
    m.put("status", status(r));
    if (r instanceof FileResult.Skipped s) {
      m.put("output", s.output());
      m.put("reason", s.reason());
      known(m, s.known());
      if (s.search() != null) {
        m.put("k", s.search().k());
        searched(m, s.search());
      }
    } else if (r instanceof FileResult.Failed f) {
      m.put("reason", f.reason());
    } else if (r instanceof FileResult.Written w) {
      written(m, w);
    }
    return m;
  }

  /** What a skip had found: the same columns as a written file's, where known. */
  private static void known(Map<String, Object> m, FileResult.Known k) {
    if (k.inputBytes() >= 0) {
      m.put("input_bytes", k.inputBytes());
    }
    if (k.outputBytes() >= 0 && k.width() >= 0) {
      m.putAll(Figures.sizes(k.inputBytes(), k.outputBytes(), (long) k.width() * k.height()));
    }
    if (k.width() >= 0) {
      m.put("width", k.width());
      m.put("height", k.height());
    }
    if (k.k() >= 0) {
      m.put("k", k.k());
    }
    if (k.colors() >= 0) {
      m.put("colors", k.colors());
    }
    if (k.quality() != null) {
      m.putAll(Figures.quality(k.quality()));
    }
    if (k.kChoice() != null) {
      chosenBy(m, k.kChoice());
    }
  }

  /** How a quality target chose k: the target, what the chosen k reached, and every k tried. */
  private static void searched(Map<String, Object> m, FileResult.Search s) {
    m.put("k_chosen_by", BY_QUALITY);
    m.put("k_range", s.range());
    m.put("quality_target", ResultLine.target(s.target()));
    m.put("quality_reached", Json.round(s.quality(), 4));
    m.put("k_tried", String.join(" ", s.probes().stream().map(p -> Integer.toString(p.k())).toList()));
  }

  /** How the method chose k itself: its criterion ("bic", whose value is the row's bic), the range, every k tried. */
  private static void chosenBy(Map<String, Object> m, KSearch.Choice c) {
    m.put("k_chosen_by", c.search().criterion().id());
    m.put("k_range", c.search().range());
    m.put("k_tried", String.join(" ", c.trials().stream().map(t -> Integer.toString(t.k())).toList()));
  }

  private static void written(Map<String, Object> m, FileResult.Written r) {
    m.put("output", r.output());
    m.putAll(Figures.sizes(r.inputBytes(), r.outputBytes(), r.pixels()));
    m.put("frames", r.source().frames());
    m.put("width", r.width());
    m.put("height", r.height());
    m.put("k", r.k());
    m.put("colors", r.colors());
    m.putAll(Figures.quality(r.quality()));
    m.put("lossless", r.lossless());
    m.put("color_profile", r.source().profile());
    m.put("color_handling", r.source().handling());
    m.put("sample_bits", r.source().sampleBits());
    m.put("warnings", r.source().warnings().isEmpty() ? null : String.join("; ", r.source().warnings()));
    if (r.search() != null) {
      searched(m, r.search());
    }
    r.fit().kChoice().ifPresent(c -> chosenBy(m, c));
    m.put("seconds", Json.round(r.seconds(), 4));
    m.putAll(r.fit().figures());
  }

  /**
   * The object printed per file by {@code --json}: the report row without the columns that do not
   * apply, the fitted model (for EM, the whole mixture), and with {@code verbose} the course of the fit.
   */
  static Map<String, Object> json(FileResult r, boolean verbose) {
    Map<String, Object> m = of(r);
    for (String c : OPTIONAL_COLUMNS) {
      if (m.get(c) == null) {
        m.remove(c);
      }
    }
    if (r instanceof FileResult.Written w) {
      m.putAll(w.fit().model());
      m.put("distinct_colors", w.fit().distinctColors());
      if (verbose) {
        m.put("fit", w.fit().trace());
      }
    }
    return m;
  }
}

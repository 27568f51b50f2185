package dev.squish.cli;

import dev.squish.io.files.AtomicOutput;
import dev.squish.view.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --report} file: one row per input with every figure, as CSV (a header and one line
 * per file) or JSON (an object with the summary and a {@code files} array, one file per line).
 * Written atomically, replacing an earlier report.
 */
final class ReportFile {
  /** The two report formats, chosen by the file name. */
  enum Kind {
    JSON,
    CSV;

    /** The kind for a report file name, or null when it ends in neither .json nor .csv. */
    static Kind of(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".json")) {
        return JSON;
      }
      return lower.endsWith(".csv") ? CSV : null;
    }
  }

  private ReportFile() {}

  /** Writes the report on {@code results} (input order) to {@code path}, whose name gives the format. */
  static void write(Path path, List<FileResult> results, Summary summary, Map<String, Object> settings)
      throws IOException {
    String text = Kind.of(path.getFileName().toString()) == Kind.CSV ? csv(results)
        : json(results, summary, settings);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    AtomicOutput.write(path, true, out -> out.write(bytes));
  }

  static String json(List<FileResult> results, Summary summary, Map<String, Object> settings) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"summary\":").append(Json.write(summary.json())).append(",\n");
    sb.append("\"settings\":").append(Json.write(settings)).append(",\n");
    sb.append("\"files\":[");
    for (int i = 0; i < results.size(); i++) {
      sb.append(i == 0 ? "\n" : ",\n").append(Json.write(ReportRow.of(results.get(i))));
    }
    sb.append("\n]}\n");
    return sb.toString();
  }

  static String csv(List<FileResult> results) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", ReportRow.COLUMNS)).append("\r\n");
    for (FileResult r : results) {
      Map<String, Object> row = ReportRow.of(r);
      boolean first = true;
      for (String c : ReportRow.COLUMNS) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        sb.append(cell(row.get(c)));
      }
      sb.append("\r\n");
    }
    return sb.toString();
  }

  /** A CSV cell (RFC 4180): empty for null, numbers as in the JSON, text quoted when it must be. */
  private static String cell(Object v) {
    if (v == null) {
      return "";
    }
    String s = v instanceof Number || v instanceof Boolean ? Json.write(v) : v.toString();
    if (s.equals("null")) {
      return "";
    }
    boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
        || (!s.isEmpty() && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))));
    return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}

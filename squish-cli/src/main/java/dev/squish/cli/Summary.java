package dev.squish.cli;

import dev.squish.view.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The totals of a run, printed at the end of a batch and put in the report.
 *
 * @param files inputs, including refused ones
 * @param written files written
 * @param skipped files deliberately skipped
 * @param failed files that failed
 * @param inputBytes total size of the inputs of the written files
 * @param outputBytes total size of the written files
 * @param seconds wall time of the batch
 * @param jobs images done at the same time (and threads used)
 * @param skips the skipped files with their reasons, in input order
 * @param failures the failed files with their reasons, in input order
 * @param ignoredFiles files in the scanned folders that are not images by name
 * @param ignoredExtensions some of their extensions
 * @param interrupted the run was interrupted; files not done count as failed
 */
record Summary(int files, int written, int skipped, int failed, long inputBytes, long outputBytes, double seconds,
    int jobs, List<FileResult.Skipped> skips, List<FileResult.Failed> failures, int ignoredFiles,
    Set<String> ignoredExtensions, boolean interrupted) {

  /** How many skipped and failed files the text lists by name; the rest are counted. */
  static final int LISTED = 10;

  Summary {
    skips = List.copyOf(skips);
    failures = List.copyOf(failures);
    ignoredExtensions = Set.copyOf(ignoredExtensions);
  }

  /** The totals of {@code results} (in input order; none null). */
  static Summary of(List<FileResult> results, BatchPlan plan, double seconds, int jobs, boolean interrupted) {
    int written = 0;
    long in = 0;
    long out = 0;
    List<FileResult.Skipped> skips = new ArrayList<>();
    List<FileResult.Failed> failures = new ArrayList<>();
    for (FileResult r : results) {
      if (r instanceof FileResult.Written w) {
        written++;
        in += w.inputBytes();
        out += w.outputBytes();
      } else if (r instanceof FileResult.Skipped s) {
        skips.add(s);
      } else if (r instanceof FileResult.Failed f) {
        failures.add(f);
      }
    }
    return new Summary(results.size(), written, skips.size(), failures.size(), in, out, seconds, jobs, skips,
        failures, plan.ignoredFiles(), plan.ignoredExtensions(), interrupted);
  }

  /** Input bytes over output bytes of the written files; 0 when nothing was written. */
  double ratio() {
    return outputBytes == 0 ? 0 : (double) inputBytes / outputBytes;
  }

  ExitCode exitCode(boolean strict) {
    return ExitCode.of(written, skipped, failed, strict);
  }

  /** The summary for people: a headline, the bytes, then why files were skipped or failed. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%s in %.1f s with %s: %d written, %d skipped, %d failed",
        BatchPlan.count(files, "file"), seconds, BatchPlan.count(jobs, "job"), written, skipped, failed));
    if (written > 0) {
      lines.add(String.format(Locale.ROOT, "  written: %d B -> %d B, ratio %.2f", inputBytes, outputBytes, ratio()));
    }
    list(lines, "skipped", skips.stream().map(s -> s.input() + ": " + s.reason()).toList());
    list(lines, "failed", failures.stream().map(f -> f.input() + ": " + f.reason()).toList());
    if (ignoredFiles > 0) {
      lines.add("  ignored " + BatchPlan.count(ignoredFiles, "file") + " in the folders that are not images by name ("
          + String.join(" ", ignoredExtensions.stream().sorted().toList()) + ")");
    }
    return lines;
  }

  private static void list(List<String> lines, String what, List<String> entries) {
    for (int i = 0; i < Math.min(LISTED, entries.size()); i++) {
      lines.add("  " + what + " " + entries.get(i));
    }
    if (entries.size() > LISTED) {
      lines.add("  ... and " + (entries.size() - LISTED) + " more " + what + " (each is listed above and in --report)");
    }
  }

  /** The same totals for programs. */
  Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("files", files);
    m.put("written", written);
    m.put("skipped", skipped);
    m.put("failed", failed);
    m.put("input_bytes", inputBytes);
    m.put("output_bytes", outputBytes);
    m.put("ratio", Json.round(ratio(), 4));
    m.put("seconds", Json.round(seconds, 3));
    m.put("jobs", jobs);
    m.put("ignored_files", ignoredFiles);
    m.put("interrupted", interrupted);
    return m;
  }
}

package dev.squish.cli;

import dev.squish.metrics.QualityReport;
import dev.squish.quantize.FitReport;

/** What happened to one input. */
sealed interface FileResult {

  /** The input as the user named it. */
  String input();

  /**
   * The output was written.
   *
   * @param output the file written, as shown to the user ("-" for standard output)
   * @param inputBytes size of the input file
   * @param outputBytes size of the output
   * @param width pixels
   * @param height pixels
   * @param colors palette entries used
   * @param k palette size asked for
   * @param quality error against the decoded input
   * @param fit how the palette was found
   * @param seconds wall time from reading to writing
   */
  record Written(String input, String output, long inputBytes, long outputBytes, int width, int height, int colors,
      int k, QualityReport quality, FitReport fit, double seconds) implements FileResult {

    double ratio() {
      return outputBytes == 0 ? 0 : (double) inputBytes / outputBytes;
    }

    double bitsPerPixel() {
      return outputBytes * 8.0 / ((double) width * height);
    }
  }

  /**
   * Nothing was written, on purpose: a deliberate skip such as {@code --skip-existing}. It counts
   * as a success (exit code 0) unless {@code --strict} is given, and is listed with its reason in
   * the summary and the report.
   *
   * @param output the output that was not written, as shown to the user; may be null
   * @param reason why, one line (for example "photo-squish.png exists (--skip-existing)")
   */
  record Skipped(String input, String output, String reason) implements FileResult {
    /** A skip without an output name. */
    Skipped(String input, String reason) {
      this(input, null, reason);
    }
  }

  /**
   * Nothing was written because something went wrong.
   *
   * @param reason why, one line
   * @param cause the exception, shown with --verbose; may be null
   */
  record Failed(String input, String reason, Throwable cause) implements FileResult {}
}

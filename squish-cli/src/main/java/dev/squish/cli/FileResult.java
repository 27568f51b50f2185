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
   * Nothing was written, on purpose.
   *
   * @param reason why, one line
   */
  record Skipped(String input, String reason) implements FileResult {}

  /**
   * Nothing was written because something went wrong.
   *
   * @param reason why, one line
   * @param cause the exception, shown with --verbose; may be null
   */
  record Failed(String input, String reason, Throwable cause) implements FileResult {}
}

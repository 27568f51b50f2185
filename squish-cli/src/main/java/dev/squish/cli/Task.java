package dev.squish.cli;

import dev.squish.io.encode.OutputFormat;
import java.nio.file.Path;

/**
 * One image to compress.
 *
 * @param input the file to read, or null for standard input
 * @param output the file to write, or null for standard output
 * @param format the output format
 * @param shownInput the input as shown to the user
 */
record Task(Path input, Path output, OutputFormat format, String shownInput) {

  String shownOutput() {
    return output == null ? "-" : output.toString();
  }
}

package dev.squish.cli;

import dev.squish.io.files.AtomicOutput;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * What the command runs in: the standard streams images may be read from and written to, whether
 * the user watches a terminal (for the progress bar), and where output files go.
 *
 * @param stdin standard input, for the input "-"
 * @param stdout standard output, for the output "-"
 * @param terminal the output is a terminal, so a progress bar may be drawn
 * @param sink writes output files; {@link AtomicOutput#write} except in tests that simulate failures
 */
record Environment(InputStream stdin, OutputStream stdout, boolean terminal, FileCompressor.Sink sink) {
  Environment {
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(sink, "sink");
  }

  /** Streams without a terminal, writing files atomically. */
  static Environment of(InputStream stdin, OutputStream stdout) {
    return new Environment(stdin, stdout, false, AtomicOutput::write);
  }
}

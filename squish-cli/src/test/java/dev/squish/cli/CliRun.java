package dev.squish.cli;

import dev.squish.io.files.AtomicOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process with captured streams. */
record CliRun(int exitCode, String out, String err, byte[] outBytes) {

  static CliRun of(String... args) {
    return withStdin(new byte[0], args);
  }

  static CliRun withStdin(byte[] stdin, String... args) {
    return in(false, AtomicOutput::write, stdin, args);
  }

  /** A run where the output is (or is not) a terminal and files are written through {@code sink}. */
  static CliRun in(boolean terminal, FileCompressor.Sink sink, byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Environment env = new Environment(new ByteArrayInputStream(stdin), out, terminal, sink);
    int code = Main.run(args, env, new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
        out.toByteArray());
  }
}

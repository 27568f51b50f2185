package dev.squish.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point: the only place that calls {@link System#exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /**
   * Runs squish with {@code args} and returns the exit code; the streams are the process's
   * standard streams (images may be read from {@code in} and written to {@code out}).
   */
  public static int run(String[] args, InputStream in, OutputStream out, PrintStream err) {
    PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8),
        true);
    PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, java.nio.charset.StandardCharsets.UTF_8),
        true);
    CommandLine cli = commandLine(in, out);
    cli.setOut(outWriter);
    cli.setErr(errWriter);
    int code = cli.execute(args);
    outWriter.flush();
    errWriter.flush();
    return code;
  }

  static CommandLine commandLine(InputStream in, OutputStream out) {
    CommandLine cli = new CommandLine(new SquishCommand(in, out));
    cli.setParameterExceptionHandler((ex, args) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("squish: " + ex.getMessage());
      err.println("try squish --help");
      return ExitCode.USAGE.code();
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      err.println("squish: internal error: " + ex);
      if (parseResult.hasMatchedOption("--verbose")) {
        ex.printStackTrace(err);
      } else {
        err.println("run again with --verbose for details, and please report it");
      }
      return ExitCode.INTERNAL_ERROR.code();
    });
    cli.setExitCodeExceptionMapper(t -> ExitCode.INTERNAL_ERROR.code());
    return cli;
  }
}

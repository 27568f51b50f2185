package dev.squish.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** Entry point: the only place that calls {@link System#exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    Environment env = new Environment(System.in, System.out, terminal, dev.squish.io.files.AtomicOutput::write);
    System.exit(run(args, env, System.err));
  }

  /**
   * Runs squish with {@code args} and returns the exit code; the streams are the process's
   * standard streams (images may be read from {@code in} and written to {@code out}).
   */
  public static int run(String[] args, InputStream in, OutputStream out, PrintStream err) {
    return run(args, Environment.of(in, out), err);
  }

  static int run(String[] args, Environment env, PrintStream err) {
    PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(env.stdout(), StandardCharsets.UTF_8), true);
    PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    CommandLine cli = commandLine(env);
    cli.setOut(outWriter);
    cli.setErr(errWriter);
    int code = cli.execute(args);
    outWriter.flush();
    errWriter.flush();
    return code;
  }

  static CommandLine commandLine(Environment env) {
    CommandLine cli = new CommandLine(new SquishCommand(env));
    cli.getCommandSpec().usageMessage().exitCodeList(exitCodeList());
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

  /** The exit codes for --help, from {@link ExitCode} so that the two cannot drift apart. */
  private static Map<String, String> exitCodeList() {
    Map<String, String> codes = new LinkedHashMap<>();
    for (ExitCode c : ExitCode.values()) {
      codes.put(String.format("%3d", c.code()), c.meaning());
    }
    return codes;
  }
}

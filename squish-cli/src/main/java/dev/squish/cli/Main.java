package dev.squish.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Entry point: the only place that calls {@link System#exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Environment env = new Environment(System.in, System.out, stderrIsTerminal(),
        dev.squish.io.files.AtomicOutput::write);
    boolean verbose = List.of(args).contains("--verbose") || List.of(args).contains("-v");
    // a thread of ours or of a library that dies of an error says so in one line, not a stack trace
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      System.err.println("squish: " + (e instanceof OutOfMemoryError ? FileCompressor.notEnoughMemory()
          : "internal error in thread " + thread.getName() + ": " + e));
      if (verbose) {
        e.printStackTrace();
      }
    });
    System.exit(run(args, env, System.err));
  }

  /**
   * Whether standard error, where the progress bar is drawn, is a terminal. Java cannot ask about
   * standard error itself ({@link System#console()} looks at standard input and output, and from
   * JDK 22 exists even when they are redirected), so the launcher tells ({@code [ -t 2 ]}); run
   * without it, a console that is a terminal has to do.
   */
  static boolean stderrIsTerminal() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    String told = System.getenv("SQUISH_STDERR_TTY");
    if (told != null) {
      return told.equals("1");
    }
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // before JDK 22 a console exists only on a terminal
    }
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
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError e) {
      // out of memory outside any one file (planning, the report, the summary); files done are kept
      errWriter.println("squish: " + FileCompressor.notEnoughMemory());
      code = ExitCode.SOME_FAILED.code();
    }
    outWriter.flush();
    errWriter.flush();
    return code;
  }

  static CommandLine commandLine(Environment env) {
    CommandLine cli = new CommandLine(new SquishCommand(env));
    cli.getCommandSpec().usageMessage().exitCodeList(exitCodeList());
    PlotCommand.addFilesSection(cli.getSubcommands().get("plot"));
    cli.setParameterExceptionHandler((ex, args) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("squish: " + ex.getMessage());
      err.println("try squish --help");
      return ExitCode.USAGE.code();
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (ex.getCause() instanceof OutOfMemoryError) { // should picocli wrap an error
        err.println("squish: " + FileCompressor.notEnoughMemory());
        if (parseResult.hasMatchedOption("--verbose")) {
          ex.printStackTrace(err);
        }
        return ExitCode.SOME_FAILED.code();
      }
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

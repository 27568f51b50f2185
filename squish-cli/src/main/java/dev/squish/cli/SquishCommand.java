package dev.squish.cli;

import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.encode.PngOptions;
import dev.squish.pipeline.CompressionOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code squish} command: compress images to k colours. */
@Command(
    name = "squish",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    subcommands = {ServeCommand.class, PlotCommand.class},
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Compresses images to a palette of k colours found by k-means clustering of their colours (or by EM on a"
            + " Gaussian mixture, --method em), and writes them as palette PNG (or GIF when the output ends in .gif).",
        ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every file was written (or deliberately skipped)",
        "1:internal error (a bug in squish; run with --verbose and report it)",
        "2:bad usage: an unknown option or an invalid value; nothing was done",
        "3:some files failed, the others were written",
        "4:every file failed",
        "5:with --strict: files were skipped (and none failed)",
        "130:interrupted (Ctrl-C); finished files are kept, no partial file is left"
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  squish --input photo.jpg --k 16 --output photo.png",
        "  squish photo.jpg -k 16 -o photo.png",
        "  squish a.png b.jpg          (writes a-squish.png and b-squish.png)",
        "  squish photo.jpg --method em -k auto --k-range 2-64 -o photo.png --verbose"
    })
final class SquishCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "Image to compress (PNG, JPEG, GIF, BMP,"
      + " TIFF, WebP); '-' reads standard input. May be repeated; files can also be given without --input.")
  List<String> inputOptions = new ArrayList<>();

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "More images to compress.")
  List<String> inputParameters = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file for a single input; its name"
      + " chooses the format (.png or .gif); '-' writes standard output. Default: beside the input, named"
      + " NAME-squish.png.")
  String output;

  @Mixin
  QuantizerOptions quantizer = new QuantizerOptions();

  @Option(names = "--force", description = "Overwrite existing output files (the input too, if named as output).")
  boolean force;

  @Option(names = "--max-pixels", paramLabel = "N", description = "Refuse images larger than this many pixels,"
      + " before decoding them (default: " + DecodeLimits.DEFAULT_MAX_PIXELS + ").")
  long maxPixels = DecodeLimits.DEFAULT_MAX_PIXELS;

  @Option(names = "--json", description = "Print one JSON object per image instead of the text line.")
  boolean json;

  @Option(names = {"-v", "--verbose"}, description = "Print details of the fit, and stack traces of errors.")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  private final InputStream stdin;
  private final OutputStream stdout;

  SquishCommand(InputStream stdin, OutputStream stdout) {
    this.stdin = stdin;
    this.stdout = stdout;
  }

  @Override
  public Integer call() {
    Settings settings = settings();
    List<Task> tasks = tasks();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    FileCompressor compressor = new FileCompressor(settings, stdin, stdout);
    boolean textToStdout = tasks.stream().noneMatch(t -> t.output() == null);
    int failed = 0;
    int written = 0;
    for (Task task : tasks) {
      FileResult result = compressor.run(task);
      if (result instanceof FileResult.Written w) {
        written++;
        if (!quiet && textToStdout) {
          out.println(json ? Json.write(Report.json(w, verbose)) : Report.line(w));
          if (verbose && !json) {
            out.println(Report.fitDetails(w.fit()));
          }
        } else if (!quiet) {
          err.println(json ? Json.write(Report.json(w, verbose)) : Report.line(w));
        }
      } else if (result instanceof FileResult.Failed f) {
        failed++;
        err.println("squish: " + f.input() + ": " + f.reason());
        if (verbose && f.cause() != null) {
          f.cause().printStackTrace(err);
        }
      } else if (result instanceof FileResult.Skipped s && !quiet) {
        err.println("squish: " + s.input() + ": skipped: " + s.reason());
      }
      out.flush();
      err.flush();
    }
    if (failed == 0) {
      return ExitCode.OK.code();
    }
    return written == 0 ? ExitCode.ALL_FAILED.code() : ExitCode.SOME_FAILED.code();
  }

  private Settings settings() {
    CompressionOptions options = quantizer.toCompressionOptions();
    if (maxPixels < 1 || maxPixels > DecodeLimits.HARD_MAX_PIXELS) {
      throw usage("--max-pixels must be in 1.." + DecodeLimits.HARD_MAX_PIXELS + ", got " + maxPixels);
    }
    return new Settings(options, new DecodeLimits(maxPixels), PngOptions.defaults(), force);
  }

  private List<Task> tasks() {
    List<String> inputs = new ArrayList<>(inputOptions);
    inputs.addAll(inputParameters);
    if (inputs.isEmpty()) {
      throw usage("no input image given (for example: squish --input photo.jpg --k 16 --output photo.png)");
    }
    if (output != null && inputs.size() > 1) {
      throw usage("--output names one file, but " + inputs.size() + " inputs were given");
    }
    if (inputs.stream().filter("-"::equals).count() > 1) {
      throw usage("standard input ('-') can be read only once");
    }
    List<Task> tasks = new ArrayList<>();
    for (String in : inputs) {
      tasks.add(task(in));
    }
    return tasks;
  }

  private Task task(String in) {
    Path input = in.equals("-") ? null : Path.of(in);
    if (output != null) {
      OutputFormat format = OutputFormat.forName(output.equals("-") ? "x.png" : output);
      if (format == null) {
        throw usage("--output must end in .png or .gif, got '" + output + "'");
      }
      return new Task(input, output.equals("-") ? null : Path.of(output), format, in);
    }
    if (input == null) {
      return new Task(null, null, OutputFormat.PNG, "-");
    }
    return new Task(input, besideInput(input), OutputFormat.PNG, in);
  }

  private static Path besideInput(Path input) {
    String name = input.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return input.resolveSibling(stem + "-squish.png");
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}

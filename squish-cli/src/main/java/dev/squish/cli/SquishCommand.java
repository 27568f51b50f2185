package dev.squish.cli;

import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.encode.PngOptions;
import dev.squish.io.files.AtomicOutput;
import dev.squish.pipeline.CompressionOptions;
import dev.squish.pipeline.Method;
import dev.squish.pipeline.QualityTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code squish} command: compress images (files, folders, standard input) to k colours. */
@Command(
    name = "squish",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    subcommands = {ServeCommand.class, PlotCommand.class},
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Compresses images to a palette of k colours found by k-means clustering of their colours (or by EM on a"
            + " Gaussian mixture, --method em), and writes them as palette PNG (or GIF). Give any number of files and"
            + " folders; images are done in parallel, results are printed in input order, and a summary follows when"
            + " there is more than one.",
        ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    footerHeading = "%nExamples:%n",
    footer = {
        "  squish photo.jpg -k 16 -o small.png    one file",
        "  squish a.png b.jpg                     a-squish.png, b-squish.png beside them",
        "  squish photos -r --output-dir small    photos/ tree mirrored under small/",
        "  squish photos -r --skip-existing       only the photos not done yet",
        "  squish icons --format gif --report r.csv",
        "  cat photo.png | squish - -k 16 > small.png",
        "  squish photo.jpg --method em -k auto --k-range 2-64 -o photo.png --verbose"
    })
final class SquishCommand implements Callable<Integer> {
  /** Upper bound of --jobs; the fork-join pool allows 32767, more than this only wastes memory. */
  static final int MAX_JOBS = 1024;

  @Spec
  CommandSpec spec;

  @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "Image or folder to compress (PNG, JPEG, GIF,"
      + " BMP, TIFF, WebP); '-' reads one image from standard input. May be repeated; inputs can also be given"
      + " without --input.")
  List<String> inputOptions = new ArrayList<>();

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "More images or folders.")
  List<String> inputParameters = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file for a single input image;"
      + " its name chooses the format (.png or .gif); '-' writes standard output.")
  String output;

  @Option(names = "--output-dir", paramLabel = "DIR", description = "Write outputs into DIR, mirroring the folders"
      + " given as input (photos/2024/a.jpg from input photos goes to DIR/2024/a.png); created as needed."
      + " Default: beside each input.")
  String outputDir;

  @Option(names = {"-r", "--recursive"}, description = "Also look for images in the subfolders of folder inputs"
      + " (without it, only the images directly in a folder are done).")
  boolean recursive;

  @Option(names = "--ext", paramLabel = "SUFFIX", description = "Replaces the input's extension in output names;"
      + " ends in .png or .gif, which also chooses the format (default: -squish.png beside the input, .png in"
      + " --output-dir; .gif instead with --format gif).")
  String ext;

  @Option(names = "--format", paramLabel = "png|gif", description = "Output format for every output (default: png,"
      + " or as the --output name or --ext says).")
  String format;

  @Mixin
  QuantizerOptions quantizer = new QuantizerOptions();

  @Option(names = "--force", description = "Overwrite existing output files, the input too if it is its own output."
      + " Without it an existing output is refused and the file counts as failed.")
  boolean force;

  @Option(names = "--quality", paramLabel = "MIN-MAX", description = "Choose k: the fewest colours (up to --k) whose"
      + " PSNR reaches MAX dB; when even --k colours stay below MIN, the file is skipped and not written. Also N"
      + " (= N-N), -MAX (no minimum) and MIN- (as good as --k colours, at least MIN). k-means only.")
  String quality;

  @Option(names = "--max-delta-e", paramLabel = "X", description = "Choose k: the fewest colours (up to --k) whose"
      + " mean CIEDE2000 colour difference is at most X; when even --k colours stay above it, the file is skipped."
      + " k-means only.")
  Double maxDeltaE;

  @Option(names = "--metrics", description = "Also measure SSIM (on luminance) and mean CIEDE2000 (deltaE00) of"
      + " each output, in the line, --json and --report.")
  boolean metrics;

  @Option(names = "--optimize", description = "Spend more time for smaller PNG files: every filter and deflate"
      + " strategy, then a zopfli pass: about 6% smaller, 3 to 4 times as long (about 10 s per megapixel). The"
      + " pixels do not change.")
  boolean optimize;

  @Option(names = "--skip-if-larger", description = "Write nothing when the output would not be smaller than the"
      + " input; a deliberate skip (exit code 0, unless --strict).")
  boolean skipIfLarger;

  @Option(names = "--skip-existing", description = "Skip inputs whose output exists, as a deliberate skip (exit code"
      + " 0, unless --strict).")
  boolean skipExisting;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Threads to use in all, and images done at once"
      + " (default: the number of cores, here ${DEFAULT-VALUE}). --jobs 1 runs on one thread.")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = "--report", paramLabel = "FILE", description = "Also write one row per input with every figure"
      + " to FILE: JSON with the summary when it ends in .json, CSV when it ends in .csv. Replaces an"
      + " earlier report.")
  String report;

  @Option(names = "--strict", description = "Count skipped files as failures: exit code 5 when files were skipped"
      + " and none failed.")
  boolean strict;

  @Option(names = "--max-pixels", paramLabel = "N", description = "Refuse images larger than this many pixels,"
      + " before decoding them (default: " + DecodeLimits.DEFAULT_MAX_PIXELS + ").")
  long maxPixels = DecodeLimits.DEFAULT_MAX_PIXELS;

  @Option(names = "--json", description = "Print one JSON object per input (and the summary as one more) instead"
      + " of text lines.")
  boolean json;

  @Option(names = {"-v", "--verbose"}, description = "Print details of the fit, and stack traces of errors.")
  boolean verbose;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors: no result lines, progress bar or"
      + " summary.")
  boolean quiet;

  @Option(names = "--no-progress", description = "No progress bar (there is none anyway when the output is not a"
      + " terminal).")
  boolean noProgress;

  private final Environment env;

  SquishCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    Settings settings = settings();
    OutputFormat outputFormat = outputFormat();
    List<String> inputs = inputs();
    BatchPlan plan = BatchPlan.of(inputs, rules(outputFormat, inputs));
    Path reportPath = reportPath();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    removeLeftovers(plan, reportPath, err);

    List<BatchPlan.Item> items = plan.items();
    boolean imageToStdout = items.stream().anyMatch(i -> i.task() != null && i.task().output() == null);
    PrintWriter text = imageToStdout ? err : out; // keep standard output clean for the image
    boolean many = items.size() > 1 || plan.hasFolders();
    ProgressBar bar = env.terminal() && !quiet && !noProgress && many ? new ProgressBar(err, items.size())
        : ProgressBar.NONE;
    FileCompressor compressor = new FileCompressor(settings, env.stdin(), env.stdout(), env.sink());
    Batch batch = new Batch(compressor::run, compressor.gate(), jobs, bar);
    Batch.Outcome outcome = batch.run(items, r -> print(r, text, err),
        (soFar, seconds) -> interrupted(plan, soFar, seconds, reportPath, err));
    if (outcome.interrupted()) {
      return ExitCode.INTERRUPTED.code();
    }
    return finish(plan, outcome, many, reportPath, text, err).code();
  }

  /** Prints the summary (for more than one file), writes the report, and decides the exit code. */
  private ExitCode finish(BatchPlan plan, Batch.Outcome outcome, boolean many, Path reportPath, PrintWriter text,
      PrintWriter err) {
    Summary summary = Summary.of(outcome.results(), plan, outcome.seconds(), jobs, false);
    if (!quiet && many) {
      if (json) {
        text.println(Json.write(Map.of("summary", summary.json())));
      } else {
        summary.lines().forEach(text::println);
      }
    }
    ExitCode code = summary.exitCode(strict);
    if (reportPath != null && !writeReport(reportPath, outcome.results(), summary, err)
        && code.code() < ExitCode.SOME_FAILED.code()) {
      code = ExitCode.SOME_FAILED; // the files are there, but what was asked is not all done
    }
    text.flush();
    err.flush();
    return code;
  }

  private void print(FileResult result, PrintWriter text, PrintWriter err) {
    if (result instanceof FileResult.Failed f) {
      err.println("squish: " + f.input() + ": " + f.reason());
      if (verbose && f.cause() != null) {
        f.cause().printStackTrace(err);
      }
      err.flush();
    }
    if (!quiet) {
      if (json) {
        text.println(Json.write(Report.json(result, verbose)));
      } else if (result instanceof FileResult.Written w) {
        text.println(Report.line(w));
        if (verbose) {
          text.println(Report.fitDetails(w.fit()));
        }
      } else if (result instanceof FileResult.Skipped s) {
        text.println(Report.line(s));
      }
    }
    text.flush();
  }

  /** Runs in the shutdown hook on Ctrl-C: says what was done and writes the report so far. */
  private void interrupted(BatchPlan plan, List<FileResult> soFar, double seconds, Path reportPath, PrintWriter err) {
    List<FileResult> filled = new ArrayList<>(soFar.size());
    int finished = 0;
    for (int i = 0; i < soFar.size(); i++) {
      FileResult r = soFar.get(i);
      if (r == null) {
        r = new FileResult.Failed(plan.items().get(i).shownInput(), "interrupted before this file was done", null);
      } else {
        finished++;
      }
      filled.add(r);
    }
    err.println("squish: interrupted after " + finished + " of " + BatchPlan.count(soFar.size(), "file")
        + "; finished files are kept, no partial or temporary file is left");
    if (reportPath != null) {
      writeReport(reportPath, filled, Summary.of(filled, plan, seconds, jobs, true), err);
    }
    err.flush();
  }

  private boolean writeReport(Path path, List<FileResult> results, Summary summary, PrintWriter err) {
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent); // a report inside --output-dir, which is made as needed
      }
      ReportFile.write(path, results, summary, settingsForReport());
      return true;
    } catch (IOException e) {
      err.println("squish: cannot write report " + path + ": " + FileCompressor.describe(e));
      return false;
    }
  }

  private Map<String, Object> settingsForReport() {
    CompressionOptions c = quantizer.toCompressionOptions();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", c.method().id());
    m.put("k", c.colors()); // with --quality or --max-delta-e the largest k allowed; each row has the k used
    m.put("seed", c.seed());
    m.put("space", c.space().id());
    m.put("dither", c.dithering().kind().id());
    m.put("dither_level", c.dithering().level());
    if (c.method() == dev.squish.pipeline.Method.EM) {
      m.put("covariance", c.em().covariance().id());
      m.put("assign", c.em().assignment().id());
      m.put("k_auto", c.em().autoK());
      m.put("k_range", c.em().autoK() ? c.em().minK() + "-" + c.em().maxK() : null);
    }
    m.put("quality", quality);
    m.put("max_delta_e", maxDeltaE);
    m.put("metrics", metrics);
    m.put("optimize", optimize);
    m.put("skip_if_larger", skipIfLarger);
    m.put("skip_existing", skipExisting);
    m.put("force", force);
    m.put("strict", strict);
    m.put("format", outputFormat().id());
    m.put("jobs", jobs);
    m.put("max_pixels", maxPixels);
    return m;
  }

  private void removeLeftovers(BatchPlan plan, Path reportPath, PrintWriter err) {
    java.util.Set<Path> folders = new java.util.LinkedHashSet<>(plan.outputFolders());
    if (reportPath != null && reportPath.toAbsolutePath().getParent() != null) {
      folders.add(reportPath.toAbsolutePath().getParent()); // a report written when Ctrl-C came
    }
    int removed = 0;
    for (Path dir : folders) {
      removed += AtomicOutput.removeLeftovers(dir);
    }
    if (removed > 0 && verbose) {
      err.println("squish: removed " + BatchPlan.count(removed, "temporary file") + " left by an interrupted run");
    }
  }

  private Settings settings() {
    CompressionOptions options = quantizer.toCompressionOptions();
    if (maxPixels < 1 || maxPixels > DecodeLimits.HARD_MAX_PIXELS) {
      throw usage("--max-pixels must be in 1.." + DecodeLimits.HARD_MAX_PIXELS + ", got " + maxPixels);
    }
    if (jobs < 1 || jobs > MAX_JOBS) {
      throw usage("--jobs must be from 1 to " + MAX_JOBS + ", got " + jobs);
    }
    if (force && skipExisting) {
      throw usage("--force and --skip-existing contradict each other; give one");
    }
    return new Settings(options, new DecodeLimits(maxPixels), optimize ? PngOptions.optimized()
        : PngOptions.defaults(), force, skipExisting, outputDir != null, qualityTarget(options), metrics,
        skipIfLarger);
  }

  /** The target of --quality or --max-delta-e, checked against the other options; null without either. */
  private QualityTarget qualityTarget(CompressionOptions options) {
    if (quality == null && maxDeltaE == null) {
      return null;
    }
    String option = quality != null ? "--quality" : "--max-delta-e";
    if (quality != null && maxDeltaE != null) {
      throw usage("--quality and --max-delta-e both choose k; give one");
    }
    if (options.method() != Method.KMEANS) {
      throw usage(option + " chooses k with k-means; it cannot be combined with --method " + options.method().id());
    }
    if (quality != null) {
      return QualityRange.parse(quality).orElseThrow(() -> usage("--quality must be MIN-MAX in dB (for example"
          + " 35-40, 38, -40 or 35-) with 0 <= MIN <= MAX <= 100, got '" + quality + "'"));
    }
    if (!(maxDeltaE > 0) || maxDeltaE > 100) {
      throw usage("--max-delta-e must be above 0 and at most 100, got " + Report.number(maxDeltaE));
    }
    return QualityTarget.deltaE(maxDeltaE);
  }

  /** The format from --format, the --output name and --ext, which must agree; PNG when none says. */
  private OutputFormat outputFormat() {
    OutputFormat chosen = null;
    if (format != null) {
      chosen = OutputFormat.byId(format);
      if (chosen == null) {
        throw usage("--format must be png or gif, got '" + format + "'");
      }
    }
    if (output != null && !output.equals("-")) {
      chosen = agree(chosen, OutputFormat.forName(output), "--output must end in .png or .gif, got '" + output + "'",
          "--output " + output);
    }
    if (ext != null) {
      if (ext.isEmpty() || ext.contains("/") || ext.contains("\\")) {
        throw usage("--ext must be a file name ending such as -small.png or .gif, got '" + ext + "'");
      }
      chosen = agree(chosen, OutputFormat.forName(ext), "--ext must end in .png or .gif, got '" + ext + "'",
          "--ext " + ext);
    }
    return chosen == null ? OutputFormat.PNG : chosen;
  }

  private OutputFormat agree(OutputFormat chosen, OutputFormat named, String unknown, String what) {
    if (named == null) {
      throw usage(unknown);
    }
    if (chosen != null && chosen != named) {
      throw usage(what + " asks for " + named.id() + " but " + (format != null ? "--format" : "another option")
          + " says " + chosen.id());
    }
    return named;
  }

  private List<String> inputs() {
    List<String> inputs = new ArrayList<>(inputOptions);
    inputs.addAll(inputParameters);
    if (inputs.isEmpty()) {
      throw usage("no input image given (for example: squish photo.jpg -k 16 -o small.png)");
    }
    if (inputs.contains("-") && inputs.size() > 1) {
      throw usage("standard input ('-') must be the only input");
    }
    return inputs;
  }

  private BatchPlan.Rules rules(OutputFormat outputFormat, List<String> inputs) {
    if (output != null) {
      if (inputs.size() > 1) {
        throw usage("--output names one file, but " + inputs.size() + " inputs were given; use --output-dir");
      }
      if (!inputs.get(0).equals("-") && Files.isDirectory(path(inputs.get(0), "the input"))) {
        throw usage("--output names one file, but " + inputs.get(0) + " is a folder; use --output-dir");
      }
      if (outputDir != null || ext != null) {
        throw usage("--output names the output file; it cannot be combined with " + (outputDir != null
            ? "--output-dir" : "--ext"));
      }
    }
    Path dir = null;
    if (outputDir != null) {
      if (inputs.contains("-")) {
        throw usage("standard input has no name to put in --output-dir; use --output FILE");
      }
      dir = path(outputDir, "--output-dir");
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw usage("--output-dir " + outputDir + " is a file, not a folder");
      }
    }
    return new BatchPlan.Rules(output, dir, ext, outputFormat, recursive);
  }

  private Path reportPath() {
    if (report == null) {
      return null;
    }
    if (ReportFile.Kind.of(report) == null) {
      throw usage("--report must end in .json or .csv, got '" + report + "'");
    }
    Path p = path(report, "--report");
    Path parent = p.toAbsolutePath().normalize().getParent();
    boolean inOutputDir = outputDir != null && parent != null
        && parent.startsWith(path(outputDir, "--output-dir").toAbsolutePath().normalize());
    if (parent != null && !Files.isDirectory(parent) && !inOutputDir) {
      throw usage("--report " + report + ": folder " + parent + " does not exist");
    }
    if (Files.isDirectory(p)) {
      throw usage("--report " + report + " is a folder");
    }
    return p;
  }

  private Path path(String value, String option) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw usage(option + " is not a valid path: " + e.getReason());
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}

package dev.squish.cli;

import dev.squish.compress.CompressOptions;
import dev.squish.compress.SharedWeight;
import dev.squish.image.Palette;
import dev.squish.io.palette.PaletteFileException;
import dev.squish.io.palette.PaletteFiles;
import dev.squish.quantize.KeptColoursDoNotFit;
import dev.squish.quantize.Method;
import dev.squish.io.encode.OutputFormat;
import dev.squish.io.files.AtomicOutput;
import dev.squish.view.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
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
        "  squish photo.jpg --method em -k auto --k-range 2-64 -o photo.png --verbose",
        "  squish photo.jpg -k 16 -o photo.png --save-palette photo.gpl",
        "  squish other.jpg --palette photo.gpl --dither fs -o other.png",
        "  squish sprites --shared-palette -k 32 --output-dir small",
        "  squish map.png -k 16 --keep '#d81b60,#1e88e5' -o map-16.png"
    })
final class SquishCommand implements Callable<Integer> {
  /** Refused here and in the Spark job ({@link OneFile}). */
  static final String SHARED_WITH_FRAME_PALETTES =
      "--shared-palette fits one palette to all inputs and --frame-palettes one per frame; give one of them";

  @Spec
  CommandSpec spec;

  @Mixin
  FileOptions files = new FileOptions();

  @Mixin
  QuantizerOptions quantizer = new QuantizerOptions();

  @Mixin
  AnimationOptions animation = new AnimationOptions();

  @Mixin
  PaletteOptions palette = new PaletteOptions();

  @Mixin
  RunOptions run = new RunOptions();

  private final Environment env;
  /** The settings the report lists, fixed once the options are checked. */
  private Map<String, Object> reportSettings = Map.of();

  SquishCommand(Environment env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    OptionChecks checks = new OptionChecks(spec, files, quantizer, run, animation);
    PaletteChecks paletteChecks = new PaletteChecks(spec, palette, quantizer, run);
    Settings settings = checks.settings();
    SharedWeight weight = paletteChecks.weight();
    Path savePalette = paletteChecks.savePalette();
    OutputFormat outputFormat = checks.outputFormat();
    reportSettings = settingsForReport(settings, outputFormat);
    List<String> inputs = checks.inputs();
    paletteChecks.checkShared(inputs);
    BatchPlan plan = BatchPlan.of(inputs, checks.rules(outputFormat, inputs));
    paletteChecks.checkSaveFor(plan);
    Path reportPath = checks.reportPath();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    removeLeftovers(plan, reportPath, err);

    List<PlanItem> items = plan.items();
    if (palette.sharedPalette && settings.framePalettes()) {
      throw new ParameterException(spec.commandLine(), SHARED_WITH_FRAME_PALETTES);
    }
    if (palette.sharedPalette) {
      SharedPalette.Outcome shared;
      try {
        shared = SharedPalette.fit(items, settings, weight, run.jobs);
      } catch (KeptColoursDoNotFit e) {
        err.println("squish: --shared-palette: " + e.getMessage() + " (--keep)");
        err.flush();
        return ExitCode.ALL_FAILED.code();
      }
      items = withFailures(items, shared.failures());
      if (shared.fit() != null) {
        settings = settings.remappingTo(settings.compression().toBuilder()
            .method(Method.given(shared.fit().palette())).build());
        if (savePalette != null && !saveShared(shared.fit().palette(), savePalette, err)) {
          return ExitCode.ALL_FAILED.code();
        }
        noteShared(shared, weight, savePalette, items, err);
      }
    } else if (savePalette != null) {
      settings = settings.savingPaletteTo(savePalette);
    }
    if (quantizer.palette != null) {
      reportSettings.put("palette_file", quantizer.palette);
    }
    boolean imageToStdout = items.stream()
        .anyMatch(i -> i instanceof PlanItem.Planned p && p.task().output() == null);
    PrintWriter text = imageToStdout ? err : out; // keep standard output clean for the image
    boolean many = items.size() > 1 || plan.hasFolders();
    ProgressBar bar = env.terminal() && !run.quiet && !run.noProgress && many ? new ProgressBar(err, items.size())
        : ProgressBar.NONE;
    KSearchNotes.Detail notes = KSearchNotes.Detail.of(run.quiet, run.verbose, bar != ProgressBar.NONE);
    FileCompressor compressor = new FileCompressor(settings, env.stdin(), env.stdout(), env.sink(),
        task -> KSearchNotes.of(task.shownInput(), notes, line -> bar.printAbove(err, line)));
    Batch batch = new Batch(compressor::run, compressor.gate(), run.jobs, bar);
    Batch.Outcome outcome = batch.run(items, r -> print(r, text, err),
        (soFar, seconds) -> interrupted(plan, soFar, seconds, reportPath, err));
    if (outcome.interrupted()) {
      return ExitCode.INTERRUPTED.code();
    }
    return finish(plan, outcome, many, reportPath, text, err).code();
  }

  /** The plan with the inputs that failed in pass 1 of --shared-palette reported as failed in their place. */
  private static List<PlanItem> withFailures(List<PlanItem> items, List<FileResult.Failed> failures) {
    List<PlanItem> with = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      with.add(failures.get(i) == null ? items.get(i) : new PlanItem.Refused(failures.get(i)));
    }
    return with;
  }

  /** Writes the shared palette before any image; false (having said why) when it cannot be written. */
  private boolean saveShared(Palette shared, Path file, PrintWriter err) {
    try {
      byte[] content = PaletteFiles.bytes(shared, file.toString());
      env.sink().write(file, run.force, o -> o.write(content));
      return true;
    } catch (PaletteFileException e) {
      err.println("squish: cannot save the shared palette: " + e.getMessage() + "; no image was written");
    } catch (IOException e) {
      err.println("squish: cannot save the shared palette: " + file + ": " + FileCompressor.describe(e)
          + "; no image was written");
    }
    err.flush();
    return false;
  }

  /** Names the shared palette in the report's settings, and in a line (or a JSON object) before the results. */
  private void noteShared(SharedPalette.Outcome shared, SharedWeight weight, Path file, List<PlanItem> items,
      PrintWriter err) {
    List<String> hex = new ArrayList<>();
    for (int c : shared.fit().palette().colors()) {
      hex.add(hex(c));
    }
    reportSettings.put("shared_palette", true);
    reportSettings.put("shared_weight", weight.id());
    reportSettings.put("shared_images", shared.images());
    reportSettings.put("palette", hex);
    reportSettings.put("palette_file", file == null ? null : file.toString());
    if (run.quiet) {
      return;
    }
    boolean toStdout = items.stream().anyMatch(i -> i instanceof PlanItem.Planned p && p.task().output() == null);
    PrintWriter text = toStdout ? err : spec.commandLine().getOut();
    if (run.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("colors", shared.fit().palette().size());
      m.put("images", shared.images());
      m.put("weight", weight.id());
      m.put("palette", hex);
      m.put("palette_file", file == null ? null : file.toString());
      text.println(Json.write(Map.of("shared_palette", m)));
    } else {
      text.println("shared palette: " + ResultLine.colours(shared.fit().palette().size()) + " fitted to "
          + BatchPlan.count(shared.images(), "image") + " (weight: " + weight.id() + ")"
          + (file == null ? "" : ", saved to " + file));
    }
    text.flush();
  }

  /** "#rrggbb" for an opaque colour, "#rrggbbaa" otherwise, as .hex palette files write them. */
  static String hex(int argb) {
    int rgb = argb & 0xFFFFFF;
    int alpha = argb >>> 24;
    return alpha == 0xFF ? String.format("#%06x", rgb) : String.format("#%06x%02x", rgb, alpha);
  }

  /** Prints the summary (for more than one file), writes the report, and decides the exit code. */
  private ExitCode finish(BatchPlan plan, Batch.Outcome outcome, boolean many, Path reportPath, PrintWriter text,
      PrintWriter err) {
    Summary summary = Summary.of(outcome.results(), plan, outcome.seconds(), run.jobs, false);
    if (!run.quiet && many) {
      if (run.json) {
        text.println(Json.write(Map.of("summary", summary.json())));
      } else {
        summary.lines().forEach(text::println);
      }
    }
    ExitCode code = summary.exitCode(run.strict);
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
      if (run.verbose && f.cause() != null) {
        f.cause().printStackTrace(err);
      }
      err.flush();
    }
    if (!run.quiet && result instanceof FileResult.Written w) {
      w.source().warnings().forEach(warning -> err.println("squish: " + w.input() + ": warning: " + warning));
      err.flush();
    }
    if (!run.quiet) {
      if (run.json) {
        text.println(Json.write(ReportRow.json(result, run.verbose)));
      } else if (result instanceof FileResult.Written w) {
        text.println(ResultLine.of(w));
        if (run.verbose) {
          w.fit().describe().forEach(line -> text.println("  " + line));
        }
      } else if (result instanceof FileResult.Skipped s) {
        text.println(ResultLine.of(s));
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
      writeReport(reportPath, filled, Summary.of(filled, plan, seconds, run.jobs, true), err);
    }
    err.flush();
  }

  private boolean writeReport(Path path, List<FileResult> results, Summary summary, PrintWriter err) {
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent); // a report inside --output-dir, which is made as needed
      }
      ReportFile.write(path, results, summary, reportSettings);
      return true;
    } catch (IOException e) {
      err.println("squish: cannot write report " + path + ": " + FileCompressor.describe(e));
      return false;
    }
  }

  /** The settings of the run, as the JSON report lists them. */
  private Map<String, Object> settingsForReport(Settings settings, OutputFormat format) {
    CompressOptions c = settings.compression();
    // with --quality or --max-delta-e, k is the largest allowed; each row has the k used
    Map<String, Object> m = new LinkedHashMap<>(c.method().settings());
    m.put("seed", c.seed());
    m.put("speed", c.speed().value());
    m.put("space", c.space().id());
    m.put("dither", c.dithering().kind().id());
    m.put("dither_level", c.dithering().level());
    m.put("keep", c.keep().stream().map(v -> String.format("#%08x", v)).toList());
    m.put("distinct", c.distinct() ? "keep" : "off");
    m.put("quality", run.quality);
    m.put("max_delta_e", run.maxDeltaE);
    m.put("metrics", run.metrics);
    m.put("optimize", run.optimize);
    m.put("keep_profile", run.keepProfile);
    m.put("strip", run.strip);
    m.put("skip_if_larger", run.skipIfLarger);
    m.put("skip_existing", run.skipExisting);
    m.put("force", run.force);
    m.put("strict", run.strict);
    m.put("format", format.id());
    m.put("frame", animation.frame);
    m.put("frame_palettes", animation.framePalettes);
    m.put("jobs", run.jobs);
    m.put("max_pixels", run.maxPixels);
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
    if (removed > 0 && run.verbose) {
      err.println("squish: removed " + BatchPlan.count(removed, "temporary file") + " left by an interrupted run");
    }
  }
}

package dev.squish.cli;

import dev.squish.compress.CompressOptions;
import dev.squish.compress.QualityTarget;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.encode.OutputFormat;
import dev.squish.io.encode.PngOptions;
import dev.squish.quantize.Method;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Turns the options as given into what the run needs, checking every value and every combination
 * first: a bad one ends as a usage error (exit code 2) naming the option, before anything is done.
 */
final class OptionChecks {
  private final CommandSpec spec;
  private final FileOptions files;
  private final QuantizerOptions quantizer;
  private final RunOptions run;
  private final AnimationOptions animation;

  OptionChecks(CommandSpec spec, FileOptions files, QuantizerOptions quantizer, RunOptions run,
      AnimationOptions animation) {
    this.spec = spec;
    this.animation = animation;
    this.files = files;
    this.quantizer = quantizer;
    this.run = run;
  }

  Settings settings() {
    CompressOptions options = quantizer.toCompressOptions().toBuilder().ssim(run.metrics).deltaE(run.metrics)
        .build();
    if (run.maxPixels < 1 || run.maxPixels > DecodeLimits.HARD_MAX_PIXELS) {
      throw usage("--max-pixels must be in 1.." + DecodeLimits.HARD_MAX_PIXELS + ", got " + run.maxPixels);
    }
    if (run.jobs < 1 || run.jobs > RunOptions.MAX_JOBS) {
      throw usage("--jobs must be from 1 to " + RunOptions.MAX_JOBS + ", got " + run.jobs);
    }
    if (run.force && run.skipExisting) {
      throw usage("--force and --skip-existing contradict each other; give one");
    }
    return new Settings(options, new DecodeLimits(run.maxPixels), run.optimize ? PngOptions.optimized()
        : PngOptions.of(options.speed()), run.force, run.skipExisting, files.outputDir != null, qualityTarget(options),
        run.skipIfLarger, run.keepProfile, run.strip, frame(), animation.framePalettes, null);
  }

  /** The frame of --frame, checked; null without it. */
  private Integer frame() {
    if (animation.framePalettes && quantizer.palette != null) {
      throw usage("--frame-palettes fits a palette per frame and --palette gives one; give one of them");
    }
    if (animation.frame == null) {
      return null;
    }
    if (animation.frame < 1) {
      throw usage("--frame must be 1 or more (frames are counted from 1), got " + animation.frame);
    }
    if (animation.framePalettes) {
      throw usage("--frame takes one frame and --frame-palettes fits one palette per frame; give one");
    }
    return animation.frame;
  }

  /** The target of --quality or --max-delta-e, checked against the other options; null without either. */
  private QualityTarget qualityTarget(CompressOptions options) {
    if (run.quality == null && run.maxDeltaE == null) {
      return null;
    }
    String option = run.quality != null ? "--quality" : "--max-delta-e";
    if (quantizer.palette != null) {
      throw usage("--palette gives the palette; it cannot be combined with " + option + ", which chooses k");
    }
    if (run.quality != null && run.maxDeltaE != null) {
      throw usage("--quality and --max-delta-e both choose k; give one");
    }
    if (!(options.method() instanceof Method.KMeans)) {
      throw usage(option + " chooses k with k-means; it cannot be combined with --method " + options.method().id());
    }
    if (run.quality != null) {
      return QualityRange.parse(run.quality).orElseThrow(() -> usage("--quality must be MIN-MAX in dB (for example"
          + " 35-40, 38, -40 or 35-) with 0 <= MIN <= MAX <= " + (int) QualityTarget.MAX_PSNR + ", got '"
          + run.quality + "'"));
    }
    if (!(run.maxDeltaE > 0) || run.maxDeltaE > QualityTarget.MAX_DELTA_E) {
      throw usage("--max-delta-e must be above 0 and at most " + (int) QualityTarget.MAX_DELTA_E + ", got "
          + ResultLine.number(run.maxDeltaE));
    }
    return QualityTarget.deltaE(run.maxDeltaE);
  }

  /** The format from --format, the --output name and --ext, which must agree; PNG when none says. */
  OutputFormat outputFormat() {
    OutputFormat chosen = null;
    if (files.format != null) {
      chosen = OutputFormat.byId(files.format);
      if (chosen == null) {
        throw usage("--format must be png or gif, got '" + files.format + "'");
      }
    }
    if (files.output != null && !files.output.equals("-")) {
      chosen = agree(chosen, OutputFormat.forName(files.output), "--output must end in .png or .gif, got '"
          + files.output + "'", "--output " + files.output);
    }
    if (files.ext != null) {
      if (files.ext.isEmpty() || files.ext.contains("/") || files.ext.contains("\\")) {
        throw usage("--ext must be a file name ending such as -small.png or .gif, got '" + files.ext + "'");
      }
      chosen = agree(chosen, OutputFormat.forName(files.ext), "--ext must end in .png or .gif, got '" + files.ext
          + "'", "--ext " + files.ext);
    }
    OutputFormat format = chosen == null ? OutputFormat.PNG : chosen;
    if (run.keepProfile && format == OutputFormat.GIF) {
      throw usage("--keep-profile writes the input's profile into the PNG (iCCP); GIF cannot carry one: write PNG"
          + " or leave out --keep-profile");
    }
    return format;
  }

  private OutputFormat agree(OutputFormat chosen, OutputFormat named, String unknown, String what) {
    if (named == null) {
      throw usage(unknown);
    }
    if (chosen != null && chosen != named) {
      throw usage(what + " asks for " + named.id() + " but " + (files.format != null ? "--format" : "another option")
          + " says " + chosen.id());
    }
    return named;
  }

  List<String> inputs() {
    List<String> inputs = files.inputs();
    if (inputs.isEmpty()) {
      throw usage("no input image given (for example: squish photo.jpg -k 16 -o small.png)");
    }
    if (inputs.contains("-") && inputs.size() > 1) {
      throw usage("standard input ('-') must be the only input");
    }
    return inputs;
  }

  BatchPlan.Rules rules(OutputFormat outputFormat, List<String> inputs) {
    if (files.output != null) {
      if (inputs.size() > 1) {
        throw usage("--output names one file, but " + inputs.size() + " inputs were given; use --output-dir");
      }
      if (!inputs.get(0).equals("-") && Files.isDirectory(path(inputs.get(0), "the input"))) {
        throw usage("--output names one file, but " + inputs.get(0) + " is a folder; use --output-dir");
      }
      if (files.outputDir != null || files.ext != null) {
        throw usage("--output names the output file; it cannot be combined with " + (files.outputDir != null
            ? "--output-dir" : "--ext"));
      }
    }
    Path dir = null;
    if (files.outputDir != null) {
      if (inputs.contains("-")) {
        throw usage("standard input has no name to put in --output-dir; use --output FILE");
      }
      dir = path(files.outputDir, "--output-dir");
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw usage("--output-dir " + files.outputDir + " is a file, not a folder");
      }
    }
    return new BatchPlan.Rules(files.output, dir, files.ext, outputFormat, files.recursive);
  }

  Path reportPath() {
    if (run.report == null) {
      return null;
    }
    if (ReportFile.Kind.of(run.report) == null) {
      throw usage("--report must end in .json or .csv, got '" + run.report + "'");
    }
    Path p = path(run.report, "--report");
    Path parent = p.toAbsolutePath().normalize().getParent();
    boolean inOutputDir = files.outputDir != null && parent != null
        && parent.startsWith(path(files.outputDir, "--output-dir").toAbsolutePath().normalize());
    if (parent != null && !Files.isDirectory(parent) && !inOutputDir) {
      throw usage("--report " + run.report + ": folder " + parent + " does not exist");
    }
    if (Files.isDirectory(p)) {
      throw usage("--report " + run.report + " is a folder");
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

package dev.squish.cli;

import dev.squish.compress.CompressOptions;
import dev.squish.compress.PaletteFit;
import dev.squish.compress.SharedWeight;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.Palette;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.io.encode.OutputFormat;
import dev.squish.quantize.KSearch;
import dev.squish.quantize.Method;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The CLI's per-file work for programs that bring their own files (the Spark job): the same options
 * parsed and checked into the same settings, and one image done from bytes to bytes by the same code
 * as {@code squish FILE}, so that the bytes written and the report row are the CLI's. Serializable as
 * its options (parsed again where it is used) and the palette given, if any.
 */
public final class OneFile implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Options that name files or drive a batch: the embedding program does that itself. */
  private static final List<String> NOT_HERE = List.of("--input", "--output", "--output-dir", "--recursive", "--ext",
      "--report", "--json", "--save-palette", "--skip-existing", "--jobs", "--strict", "--no-progress");

  /** The columns of a report row, as {@code squish --report} writes them. */
  public static final List<String> COLUMNS = ReportRow.COLUMNS;

  private final List<String> options;
  /** The palette given by a shared fit ({@link #remappingTo}), or null. */
  private final int[] given;
  private transient Parsed parsed;

  private record Parsed(Settings settings, OutputFormat format, SharedWeight weight, boolean shared) {}

  /**
   * What one image came to.
   *
   * @param status written, skipped or failed, as in the report
   * @param output the encoded image when written, else null
   * @param reason why it was skipped or failed (the CLI's one line), else null
   * @param row the report row, every column of {@link #COLUMNS}
   */
  public record Outcome(String status, byte[] output, String reason, Map<String, Object> row) {}

  /**
   * The histogram of one image for a shared palette, weighted as {@code --shared-weight} says, or why it
   * could not be read.
   *
   * @param histogram the weighted histogram, or null
   * @param reason the one-line failure, or null
   */
  public record Histogram(ColorHistogram histogram, String reason) {}

  private OneFile(List<String> options, int[] given) {
    this.options = List.copyOf(options);
    this.given = given;
  }

  /**
   * {@return squish's options checked as {@code squish} checks them}
   *
   * @param options the options of {@code squish} without files ({@code -k 64 --method em --dither fs})
   * @throws IllegalArgumentException with the CLI's one-line message for a bad option or combination
   */
  public static OneFile of(List<String> options) {
    OneFile one = new OneFile(options, null);
    one.parsed();
    return one;
  }

  /** {@return these options with the palette fitted elsewhere given, as pass 2 of {@code --shared-palette}} */
  public OneFile remappingTo(Palette palette) {
    return new OneFile(options, palette.colors());
  }

  /** {@return the output's extension: {@code .png}, or {@code .gif} with {@code --format gif}} */
  public String extension() {
    return parsed().format.extension();
  }

  /** {@return whether {@code --shared-palette} was asked for} */
  public boolean sharedPalette() {
    return parsed().shared;
  }

  /** {@return the weight of each image in the shared palette, {@code pixels} or {@code image}} */
  public String sharedWeight() {
    return parsed().weight.id();
  }

  /** {@return whether {@code --force} was given: existing outputs are replaced} */
  public boolean overwrite() {
    return parsed().settings.overwrite();
  }

  /**
   * {@return one image compressed exactly as {@code squish INPUT -o OUTPUT} would}, the work on one thread
   *
   * @param shownInput the input's name in the row and messages
   * @param shownOutput the output's name in the row
   * @param data the file's bytes
   */
  public Outcome compress(String shownInput, String shownOutput, byte[] data) {
    Parsed p = parsed();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = new ByteArrayInputStream(data);
    FileCompressor compressor = new FileCompressor(p.settings, in, out, (target, overwrite, content) -> {
      throw new IllegalStateException("writes only to its stream");
    }, task -> KSearch.Listener.NONE);
    Task task = new Task(null, null, p.format, shownInput);
    FileResult r = onOneThread(() -> compressor.run(task));
    Map<String, Object> row = ReportRow.of(r);
    if (r instanceof FileResult.Failed f) {
      return new Outcome("failed", null, f.reason(), row);
    }
    row.put("output", shownOutput);
    if (r instanceof FileResult.Skipped s) {
      return new Outcome("skipped", null, s.reason(), row);
    }
    return new Outcome("written", out.toByteArray(), null, row);
  }

  /**
   * {@return the report row of an input refused or skipped before its bytes were read}
   *
   * @param shownInput the input's name
   * @param shownOutput the output's name, for a skip; null for a failure
   * @param failed a failure (true) or a skip
   * @param reason the one-line reason
   */
  public static Map<String, Object> row(String shownInput, String shownOutput, boolean failed, String reason) {
    FileResult r = failed ? new FileResult.Failed(shownInput, reason, null)
        : new FileResult.Skipped(shownInput, shownOutput, reason);
    return ReportRow.of(r);
  }

  /** {@return the histogram of one image as pass 1 of the CLI's {@code --shared-palette} takes it, weighted} */
  public Histogram histogram(byte[] data) {
    Parsed p = parsed();
    ImageDecoder decoder = new ImageDecoder(p.settings.limits(), p.settings.keepProfile());
    try {
      // the CLI's pass 1: an animation counts with all its frames, a failure has pass 2's reason
      Object h = onOneThread(() -> SharedPalette.histogramOf(decoder, data, p.settings, "input"));
      if (h instanceof FileResult.Failed f) {
        return new Histogram(null, f.reason());
      }
      return new Histogram(p.weight.apply((ColorHistogram) h), null);
    } catch (OutOfMemoryError e) {
      return new Histogram(null, "not enough memory; use more executor memory or lower --max-pixels");
    }
  }

  /**
   * {@return the palette fitted to the summed histograms of all the images}, as the CLI fits its shared
   * palette (the same options, the same fit on {@code threads} threads, which give the same result on any number)
   */
  public PaletteFit fitShared(ColorHistogram sum, int threads) {
    CompressOptions options = parsed().settings.compression();
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(() -> PaletteFit.of(sum, options)).join();
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs {@code work} in a pool of one thread: the parallel loops inside fork into it, as under {@code --jobs 1}. */
  private static <T> T onOneThread(java.util.concurrent.Callable<T> work) {
    ForkJoinPool pool = new ForkJoinPool(1);
    try {
      return pool.submit(work).join();
    } finally {
      pool.shutdownNow();
    }
  }

  private Parsed parsed() {
    Parsed p = parsed;
    if (p == null) {
      p = parse();
      parsed = p;
    }
    return p;
  }

  private Parsed parse() {
    InputStream none = new ByteArrayInputStream(new byte[0]);
    CommandLine cli = Main.commandLine(Environment.of(none, new ByteArrayOutputStream()));
    try {
      CommandLine.ParseResult result = cli.parseArgs(options.toArray(String[]::new));
      for (String option : NOT_HERE) {
        if (result.hasMatchedOption(option)) {
          throw new IllegalArgumentException(option + " does not apply here: the job names and writes the files");
        }
      }
      SquishCommand command = cli.getCommand();
      if (!command.files.inputParameters.isEmpty()) {
        throw new IllegalArgumentException("unexpected argument '" + command.files.inputParameters.get(0)
            + "': inputs are given to the job, not here");
      }
      OptionChecks checks = new OptionChecks(command.spec, command.files, command.quantizer, command.run,
          command.animation);
      PaletteChecks paletteChecks = new PaletteChecks(command.spec, command.palette, command.quantizer, command.run);
      Settings settings = checks.settings();
      SharedWeight weight = paletteChecks.weight();
      paletteChecks.checkShared(List.of("input"));
      if (command.palette.sharedPalette && settings.framePalettes()) {
        throw new IllegalArgumentException(SquishCommand.SHARED_WITH_FRAME_PALETTES);
      }
      if (given != null) {
        settings = settings.remappingTo(settings.compression().toBuilder()
            .method(Method.given(Palette.of(given))).build());
      }
      return new Parsed(settings, checks.outputFormat(), weight, command.palette.sharedPalette);
    } catch (ParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "OneFile" + new ArrayList<>(options) + (given == null ? "" : " given " + Arrays.toString(given));
  }
}

package dev.squish.cli;

import dev.squish.compress.CompressOptions;
import dev.squish.compress.PreparedImage;
import dev.squish.image.RgbaImage;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.ImageDecodeException;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.plot.PlotRequest;
import dev.squish.plot.Plots;
import dev.squish.plot.RateDistortion;
import dev.squish.quantize.Method;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
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

/** {@code squish plot}: pictures of one compression as PNG files. */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Compresses an image as squish would and draws what happened (palette, colour cloud, convergence,"
            + " rate-distortion) as PNG files in a folder.",
        "Files written:",
        "  NAME-palette.png      the palette as swatches, sized by their share of the pixels",
        "  NAME-cloud.png        the colour cloud from three fixed angles, points coloured by their palette entry,"
            + " palette entries ringed, EM components as 2-sigma ellipses (NAME-cloud-rgb.png too, for a --space"
            + " other than srgb)",
        "  NAME-convergence.png  the k-means objective or the EM log-likelihood by iteration",
        "  NAME-rd.png           rate-distortion: bits per pixel against PSNR for each method at k = 2 .. 256,"
            + " with pngquant's points when a pngquant binary is on the PATH",
        ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  squish plot photo.jpg -k 16 -d plots",
        "  squish plot photo.jpg -k 32 --space oklab --rd-k 4,16,64,256 --no-pngquant"
    })
final class PlotCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "IMAGE", description = "The image to draw (PNG, JPEG, GIF, BMP, TIFF, WebP).")
  Path input;

  @Option(names = {"-d", "--output-dir"}, paramLabel = "DIR", defaultValue = ".",
      description = "Folder for the PNG files, created if missing (default: the current folder).")
  Path outputDir;

  @Mixin
  QuantizerOptions quantizer = new QuantizerOptions();

  @Option(names = "--rd-k", paramLabel = "K,K,...", split = ",",
      description = "Palette sizes of the rate-distortion chart (default: 2,4,8,...,256).")
  List<Integer> rdKs;

  @Option(names = "--rd-methods", paramLabel = "M,M,...", split = ",",
      description = "Methods drawn in the rate-distortion chart (default: every method).")
  List<String> rdMethods;

  @Option(names = "--no-rd", description = "Leave out the rate-distortion chart (the slow one).")
  boolean noRd;

  @Option(names = "--no-pngquant", description = "Leave pngquant out of the rate-distortion chart.")
  boolean noPngquant;

  @Option(names = "--force", description = "Overwrite existing plot files.")
  boolean force;

  @Option(names = "--max-pixels", paramLabel = "N", description = "Refuse larger images (default: "
      + DecodeLimits.DEFAULT_MAX_PIXELS + ").")
  long maxPixels = DecodeLimits.DEFAULT_MAX_PIXELS;

  @Option(names = {"-q", "--quiet"}, description = "Print only errors (not the files written nor the progress).")
  boolean quiet;

  @Override
  public Integer call() {
    CompressOptions options = quantizer.toCompressOptions();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Integer> ks = rdKs == null ? RateDistortion.DEFAULT_KS : rdKs;
    for (int k : ks) {
      try {
        Method.checkK("--rd-k values", k);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
    }
    List<Method> methods = noRd ? List.of() : methods(options.method());
    if (maxPixels < 1 || maxPixels > DecodeLimits.HARD_MAX_PIXELS) {
      throw usage("--max-pixels must be in 1.." + DecodeLimits.HARD_MAX_PIXELS + ", got " + maxPixels);
    }
    RgbaImage image;
    try {
      image = new ImageDecoder(new DecodeLimits(maxPixels)).decode(input).image();
    } catch (ImageDecodeException e) {
      err.println("squish: plot: " + input + ": " + e.getMessage());
      return ExitCode.ALL_FAILED.code();
    }
    PlotRequest request = new PlotRequest(stem(input), PreparedImage.of(image), options, methods, ks, !noPngquant,
        force);
    try {
      Files.createDirectories(outputDir);
      List<Path> written = Plots.write(outputDir, request, line -> {
        if (!quiet) {
          err.println("squish: plot: " + line);
          err.flush();
        }
      });
      if (!quiet) {
        written.forEach(out::println);
      }
      return ExitCode.OK.code();
    } catch (FileAlreadyExistsException e) {
      err.println("squish: plot: " + e.getFile() + " exists; use --force to overwrite it");
    } catch (IOException e) {
      err.println("squish: plot: cannot write into " + outputDir + ": " + e.getMessage());
    }
    return ExitCode.ALL_FAILED.code();
  }

  /**
   * The methods of the rate-distortion chart, each with the settings it runs with at every k: the
   * command's own method keeps its options (covariance, mapping), the others their defaults.
   */
  private List<Method> methods(Method chosen) {
    List<String> ids = rdMethods == null ? List.of("kmeans", "em") : rdMethods;
    List<Method> ms = new ArrayList<>();
    for (String id : ids) {
      Method m;
      try {
        m = Method.byId(id, Method.MIN_K);
      } catch (IllegalArgumentException e) {
        throw usage("--rd-methods: unknown method '" + id + "'");
      }
      ms.add(m.id().equals(chosen.id()) ? chosen.withK(Method.MIN_K) : m);
    }
    return ms;
  }

  private static String stem(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}

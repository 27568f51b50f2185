package dev.squish.cli;

import dev.squish.compress.CompressOptions;
import dev.squish.compress.PreparedImage;
import dev.squish.image.RgbaImage;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.ImageDecodeException;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.plot.PlotRequest;
import dev.squish.plot.Plots;
import dev.squish.quantize.Method;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
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
            + " rate-distortion) as PNG files in a folder."
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  squish plot photo.jpg -k 16 -d plots",
        "  squish plot photo.jpg -k 32 --space oklab --rd-methods kmeans,pngquant",
        "  squish plot photo.jpg -k 16 --full-sweep",
        "  squish plot photo.jpg --palette brand.gpl -d plots"
    })
final class PlotCommand implements Callable<Integer> {
  /** The sweep unless asked otherwise: k-means at four k, seconds rather than minutes on a 4 MP photo. */
  static final String DEFAULT_RD_METHODS = "kmeans";
  static final String DEFAULT_RD_KS = "4,16,64,256";
  /** {@code --full-sweep}: every line at every power of two (EM at large k and pngquant are the slow ones). */
  static final String FULL_RD_METHODS = "kmeans,em,pngquant";
  static final String FULL_RD_KS = "2,4,8,16,32,64,128,256";
  private static final String PNGQUANT = "pngquant";

  /** The files written, for --help: a table, so that wrapped lines stay in their column. */
  private static final Map<String, String> FILES = files();
  private static final String FILES_HEADING = "filesHeading";
  private static final String FILES_LIST = "files";

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "IMAGE", description = "The image to draw (PNG, JPEG, GIF, BMP, TIFF, WebP).")
  Path input;

  @Option(names = {"-d", "--output-dir"}, paramLabel = "DIR", defaultValue = ".",
      description = "Folder for the PNG files, created if missing (default: the current folder).")
  Path outputDir;

  @Mixin
  QuantizerOptions quantizer = new QuantizerOptions();

  @Option(names = "--rd-k", paramLabel = "K[,K...]", hideParamSyntax = true, split = ",",
      description = "Palette sizes of the rate-distortion chart (default: " + DEFAULT_RD_KS + "; with --full-sweep "
          + FULL_RD_KS + ").")
  List<Integer> rdKs;

  @Option(names = "--rd-methods", paramLabel = "M[,M...]", hideParamSyntax = true, split = ",",
      description = "Lines of the rate-distortion chart: kmeans, em, pngquant (when a pngquant binary is on the PATH)"
          + " (default: " + DEFAULT_RD_METHODS + "; with --full-sweep " + FULL_RD_METHODS + ").")
  List<String> rdMethods;

  @Option(names = "--full-sweep",
      description = "The full rate-distortion sweep: " + FULL_RD_METHODS + " at k = " + FULL_RD_KS + ". Takes a"
          + " minute or more on a 4 MP photo (EM at k = 256 alone is a third of it); --rd-k and --rd-methods still"
          + " choose when given.")
  boolean fullSweep;

  @Option(names = "--no-rd", description = "Leave out the rate-distortion chart.")
  boolean noRd;

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
    List<Integer> ks = rdKs != null ? rdKs : ints(fullSweep ? FULL_RD_KS : DEFAULT_RD_KS);
    for (int k : ks) {
      try {
        Method.checkK("--rd-k values", k);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
      if (rdKs != null && k < options.keep().size()) {
        throw usage("--keep gives " + options.keep().size() + " kept colours but --rd-k has k = " + k);
      }
    }
    // the default sweep starts below a long --keep list: it leaves out the k that cannot hold it
    ks = ks.stream().filter(k -> k >= options.keep().size()).toList();
    if (ks.isEmpty()) {
      throw usage("--keep gives " + options.keep().size() + " kept colours, more than every k of the sweep");
    }
    List<String> lines = noRd ? List.of()
        : rdMethods != null ? rdMethods : List.of((fullSweep ? FULL_RD_METHODS : DEFAULT_RD_METHODS).split(","));
    List<Method> methods = methods(lines, options.method());
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
    if (!Plots.fitted(options) && !quiet) {
      err.println("squish: plot: --palette gives the palette, nothing is fitted: no convergence chart and no"
          + " rate-distortion sweep");
      err.flush();
    }
    PlotRequest request = new PlotRequest(stem(input), PreparedImage.of(image), options, methods, ks,
        lines.contains(PNGQUANT), force);
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
   * squish's methods among the rate-distortion chart's {@code lines}, each with the settings it runs
   * with at every k: the command's own method keeps its options (covariance, mapping), the others
   * their defaults.
   */
  private List<Method> methods(List<String> lines, Method chosen) {
    List<Method> ms = new ArrayList<>();
    for (String id : lines) {
      if (id.equals(PNGQUANT)) {
        continue;
      }
      Method m;
      try {
        m = Method.byId(id, Method.MIN_K);
      } catch (IllegalArgumentException e) {
        throw usage("--rd-methods: unknown method '" + id + "' (kmeans, em or pngquant)");
      }
      ms.add(m.id().equals(chosen.id()) ? chosen.withK(Method.MIN_K) : m);
    }
    return ms;
  }

  private static List<Integer> ints(String csv) {
    return Arrays.stream(csv.split(",")).map(Integer::valueOf).toList();
  }

  /**
   * Adds the list of files written to {@code plot}'s help, after the description: a two-column
   * table like the options', whose wrapped lines stay indented (description lines would wrap to
   * column 0).
   */
  static void addFilesSection(CommandLine plot) {
    UsageMessageSpec usage = plot.getCommandSpec().usageMessage();
    usage.sectionMap().put(FILES_HEADING, help -> help.createHeading("%nFiles written:%n"));
    usage.sectionMap().put(FILES_LIST, help -> help.createTextTable(FILES) + String.format("%n"));
    List<String> keys = new ArrayList<>(usage.sectionKeys());
    int after = keys.indexOf(UsageMessageSpec.SECTION_KEY_DESCRIPTION) + 1;
    keys.addAll(after, List.of(FILES_HEADING, FILES_LIST));
    usage.sectionKeys(keys);
  }

  private static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("NAME-palette.png", "the palette as bars, each in its colour and as tall as its share of the pixels");
    files.put("NAME-cloud.png", "the colour cloud from three fixed angles, points coloured by their palette entry,"
        + " palette entries ringed, EM components as 2-sigma ellipses (NAME-cloud-rgb.png too, for a --space other"
        + " than srgb)");
    files.put("NAME-convergence.png", "the k-means objective or the EM log-likelihood by iteration (not with"
        + " --palette, which fits nothing)");
    files.put("NAME-palette.gpl", "the palette used, to download or give to --palette (NAME-palette.hex when it has"
        + " alpha, which GIMP palettes cannot hold)");
    files.put("NAME-rd.png", "rate-distortion: bits per pixel against PSNR, one line per --rd-methods entry at"
        + " each --rd-k");
    return files;
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

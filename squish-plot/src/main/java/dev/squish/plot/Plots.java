package dev.squish.plot;

import dev.squish.compress.CompressOptions;
import dev.squish.compress.Compressed;
import dev.squish.compress.PreparedImage;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.Palette;
import dev.squish.io.encode.PngOptions;
import dev.squish.io.files.AtomicOutput;
import dev.squish.io.palette.PaletteFileException;
import dev.squish.io.palette.PaletteFiles;
import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.Convergence;
import dev.squish.quantize.Method;
import dev.squish.view.CloudSpace;
import dev.squish.view.ColorCloud;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Writes the pictures of one compression into a folder, as PNG files named after the image:
 * {@code NAME-palette.png} (swatches), {@code NAME-cloud.png} (the colour cloud from three angles
 * in the working space, plus {@code NAME-cloud-rgb.png} when that space is not sRGB),
 * {@code NAME-convergence.png} (objective or log-likelihood by iteration) and {@code NAME-rd.png}
 * (rate-distortion), and the palette used as {@code NAME-palette.gpl} (GIMP's format, which many
 * programs read; {@code NAME-palette.hex} for a palette with alpha, which GIMP's cannot hold). With
 * a given palette ({@link Method.Given}) nothing is fitted, so there is no convergence chart and no
 * rate-distortion sweep. Each file is written whole or not at all ({@link AtomicOutput}).
 */
public final class Plots {
  /** Pixel size of each of the cloud's three panels. */
  public static final int CLOUD_PANEL = 440;

  private Plots() {}

  /**
   * Draws {@code request} into {@code dir} and returns the files written; {@code log} hears what is
   * being done (the rate-distortion sweep takes a while).
   */
  public static List<Path> write(Path dir, PlotRequest request, Consumer<String> log) throws IOException {
    if (!request.overwrite()) {
      // refuse before the work (a full rate-distortion sweep takes minutes), not after half the files
      for (Path p : names(dir, request)) {
        if (Files.exists(p)) {
          throw new FileAlreadyExistsException(p.toString());
        }
      }
    }
    Compressed c = request.image().compress(request.options());
    List<Path> written = new ArrayList<>(figures(dir, request.name(), request.image(), c, request.options(),
        request.overwrite()));
    written.add(savePalette(dir, request.name(), c.palette(), request.overwrite()));
    if (hasRateDistortion(request)) {
      written.add(save(dir.resolve(request.name() + "-rd.png"),
          RateDistortionChart.png(rateDistortion(request, log), request.name()), request.overwrite()));
    }
    return written;
  }

  /** The files {@link #write} makes for {@code request}. */
  static List<Path> names(Path dir, PlotRequest request) {
    List<Path> names = new ArrayList<>();
    String name = request.name();
    names.add(dir.resolve(name + "-palette.png"));
    names.add(dir.resolve(name + "-cloud.png"));
    if (request.options().space() != ColorSpace.SRGB) {
      names.add(dir.resolve(name + "-cloud-rgb.png"));
    }
    if (fitted(request.options())) {
      names.add(dir.resolve(name + "-convergence.png"));
    }
    names.add(paletteFile(dir, name, request.options().method() instanceof Method.Given g ? g.palette().hasAlpha()
        : hasAlpha(request.image())));
    if (hasRateDistortion(request)) {
      names.add(dir.resolve(name + "-rd.png"));
    }
    return names;
  }

  /** Whether {@code request} asks for a rate-distortion chart: some k, and squish's methods or pngquant. */
  private static boolean hasRateDistortion(PlotRequest request) {
    return fitted(request.options()) && !request.rdKs().isEmpty()
        && (!request.rdMethods().isEmpty() || request.pngquant());
  }

  /**
   * The pictures of one compression that need nothing but its result (all but the
   * rate-distortion chart, which compresses the image again at every k): palette, cloud(s) and
   * convergence, named after {@code name}.
   *
   * @param image the image {@code compressed} was made from
   * @param options the options {@code compressed} was made with
   */
  public static List<Path> figures(Path dir, String name, PreparedImage image, Compressed compressed,
      CompressOptions options, boolean overwrite) throws IOException {
    List<Path> written = new ArrayList<>();
    String method = options.method().id();
    String title = String.format(Locale.ROOT, "%s: %d colours (%s, %s)", name, compressed.palette().size(),
        method, options.space().id());
    written.add(save(dir.resolve(name + "-palette.png"), PaletteChart.png(compressed.image(), title), overwrite));
    ColorSpace space = options.space();
    ColorCloud cloud = ColorCloud.of(ColorCloud.sample(image), compressed, space);
    written.add(save(dir.resolve(name + "-cloud.png"), CloudChart.png(cloud, CloudSpace.of(space), CLOUD_PANEL),
        overwrite));
    if (space != ColorSpace.SRGB) {
      written.add(save(dir.resolve(name + "-cloud-rgb.png"),
          CloudChart.png(cloud, CloudSpace.of(ColorSpace.SRGB), CLOUD_PANEL), overwrite));
    }
    if (fitted(options)) {
      Convergence conv = compressed.fit().convergence();
      written.add(save(dir.resolve(name + "-convergence.png"), ConvergenceChart.png(conv, method), overwrite));
    }
    return written;
  }

  /** Whether {@code options} fit a palette (and so converge); false for a given one. */
  public static boolean fitted(CompressOptions options) {
    return !(options.method() instanceof Method.Given);
  }

  /**
   * Writes {@code palette} as {@code NAME-palette.gpl} in {@code dir}, or {@code NAME-palette.hex}
   * when it has alpha, and returns the file.
   */
  public static Path savePalette(Path dir, String name, Palette palette, boolean overwrite) throws IOException {
    Path file = paletteFile(dir, name, palette.hasAlpha());
    byte[] content;
    try {
      content = PaletteFiles.bytes(palette, file.toString());
    } catch (PaletteFileException e) {
      throw new IOException(e.getMessage(), e);
    }
    AtomicOutput.write(file, overwrite, out -> out.write(content));
    return file;
  }

  private static Path paletteFile(Path dir, String name, boolean alpha) {
    return dir.resolve(name + (alpha ? "-palette.hex" : "-palette.gpl"));
  }

  private static boolean hasAlpha(PreparedImage image) {
    ColorHistogram h = image.histogram();
    for (int i = 0; i < h.size(); i++) {
      if (h.color(i) >>> 24 != 0xFF) {
        return true;
      }
    }
    return false;
  }

  private static List<RateDistortion.Point> rateDistortion(PlotRequest request, Consumer<String> log)
      throws IOException {
    Consumer<RateDistortion.Point> progress = p -> log.accept(String.format(Locale.ROOT,
        "rate-distortion: %-8s k=%-3d %8.3f bpp  %6.2f dB  %.2f s", p.method(), p.k(), p.bpp(), p.psnr(),
        p.seconds()));
    List<RateDistortion.Point> points = new ArrayList<>(RateDistortion.sweep(request.image(), request.options(),
        request.rdMethods(), request.rdKs(), PngOptions.of(request.options().speed()), progress));
    if (request.pngquant()) {
      Optional<Pngquant> pq = Pngquant.onPath();
      if (pq.isEmpty()) {
        log.accept("rate-distortion: no pngquant on the PATH, its points are left out");
      } else {
        points.addAll(pq.get().sweep(request.image(), request.rdKs(), !request.options().dithering().isNone(),
            progress, log));
      }
    }
    return points;
  }

  private static Path save(Path file, byte[] png, boolean overwrite) throws IOException {
    AtomicOutput.write(file, overwrite, out -> out.write(png));
    return file;
  }
}

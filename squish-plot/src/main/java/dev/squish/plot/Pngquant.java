package dev.squish.plot;

import dev.squish.histogram.ColorHistogram;
import dev.squish.image.RgbaImage;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.ImageDecodeException;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.mapping.IndexedImage;
import dev.squish.metrics.ErrorMetrics;
import dev.squish.quantize.Palette;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * pngquant's points for the rate-distortion chart, when a {@code pngquant} binary is on the
 * PATH. The tool is run as a separate process (never linked: it is GPL) on a truecolour PNG of
 * the decoded image, in a temporary folder that is deleted afterwards; its output is decoded and
 * measured exactly like squish's.
 */
public final class Pngquant {
  private static final long TIMEOUT_SECONDS = 120;

  private final Path binary;

  private Pngquant(Path binary) {
    this.binary = binary;
  }

  /** The first executable {@code pngquant} on the PATH, if any. */
  public static Optional<Pngquant> onPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, "pngquant");
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(new Pngquant(p));
      }
    }
    return Optional.empty();
  }

  /** The pngquant executable used. */
  public Path binary() {
    return binary;
  }

  /**
   * Runs pngquant on {@code image} at each k (2..256), with Floyd–Steinberg dithering when
   * {@code dither} and {@code --nofs} otherwise. A k pngquant fails on is left out and reported to
   * {@code warnings}.
   */
  public List<RateDistortion.Point> sweep(RgbaImage image, List<Integer> ks, boolean dither,
      Consumer<RateDistortion.Point> progress, Consumer<String> warnings) throws IOException {
    Path dir = Files.createTempDirectory("squish-pngquant-");
    try {
      Path input = dir.resolve("input.png");
      ImageIO.write(toBufferedImage(image), "png", input.toFile());
      List<RateDistortion.Point> points = new ArrayList<>();
      for (int k : ks) {
        if (k < 2 || k > 256) {
          continue; // pngquant's range
        }
        Path output = dir.resolve("k" + k + ".png");
        long start = System.nanoTime();
        String failure = run(input, output, k, dither);
        if (failure != null) {
          warnings.accept("pngquant at k=" + k + ": " + failure);
          continue;
        }
        byte[] data = Files.readAllBytes(output);
        double psnr = psnr(image, data);
        RateDistortion.Point p = new RateDistortion.Point("pngquant", k, data.length, 8.0 * data.length
            / image.pixelCount(), psnr, (System.nanoTime() - start) / 1e9);
        points.add(p);
        progress.accept(p);
      }
      return points;
    } finally {
      deleteTree(dir);
    }
  }

  private String run(Path input, Path output, int k, boolean dither) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--force", "--output", output.toString()));
    if (!dither) {
      cmd.add("--nofs");
    }
    cmd.add(Integer.toString(k));
    cmd.add("--");
    cmd.add(input.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "no answer after " + TIMEOUT_SECONDS + " s";
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      return "interrupted";
    }
    return p.exitValue() == 0 && Files.isRegularFile(output) ? null : "exit code " + p.exitValue();
  }

  /** PSNR of the PNG {@code data} against {@code original}, measured as for squish's own output. */
  static double psnr(RgbaImage original, byte[] data) throws IOException {
    RgbaImage out;
    try {
      out = new ImageDecoder(new DecodeLimits(Math.max(1, original.pixelCount()))).decode(data, data.length);
    } catch (ImageDecodeException e) {
      throw new IOException("cannot read pngquant's output: " + e.getMessage(), e);
    }
    return ErrorMetrics.compare(original, indexed(out)).psnr();
  }

  /** {@code image} (at most 256 colours) as a palette image. */
  static IndexedImage indexed(RgbaImage image) {
    ColorHistogram h = ColorHistogram.of(image);
    if (h.size() > Palette.MAX_SIZE) {
      throw new IllegalArgumentException("image has " + h.size() + " colours, a palette holds 256");
    }
    byte[] idx = new byte[image.pixelCount()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = (byte) h.indexOf(ColorHistogram.canonical(image.argb(i)));
    }
    return IndexedImage.adopt(image.width(), image.height(), Palette.of(h.colors()), idx);
  }

  private static BufferedImage toBufferedImage(RgbaImage image) {
    BufferedImage b = new BufferedImage(image.width(), image.height(),
        image.usesAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    b.setRGB(0, 0, image.width(), image.height(), image.copyArgb(), 0, image.width());
    return b;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

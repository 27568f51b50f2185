package dev.squish.plot;

import dev.squish.compress.PreparedImage;
import dev.squish.image.RgbaImage;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.ImageDecodeException;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.io.encode.TruecolorPngEncoder;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * pngquant's points for the rate-distortion chart, when a {@code pngquant} binary is on the
 * PATH. The tool is run as a separate process (never linked: it is GPL), fed a truecolour PNG of
 * the decoded image through a pipe; its output comes back the same way (nothing touches the
 * disk) and is decoded and measured exactly like squish's.
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
  public List<RateDistortion.Point> sweep(PreparedImage image, List<Integer> ks, boolean dither,
      Consumer<RateDistortion.Point> progress, Consumer<String> warnings) throws IOException {
    byte[] input = TruecolorPngEncoder.encode(image.image());
    List<RateDistortion.Point> points = new ArrayList<>();
    for (int k : ks) {
      if (k < 2 || k > 256) {
        continue; // pngquant's range
      }
      long start = System.nanoTime();
      Run run = run(input, k, dither);
      if (run.failure() != null) {
        warnings.accept("pngquant at k=" + k + ": " + run.failure());
        continue;
      }
      byte[] data = run.output();
      double psnr = psnr(image, data);
      RateDistortion.Point p = new RateDistortion.Point("pngquant", k, data.length, 8.0 * data.length
          / image.image().pixelCount(), psnr, (System.nanoTime() - start) / 1e9);
      points.add(p);
      progress.accept(p);
    }
    return points;
  }

  /** What one pngquant run gave: its PNG, or why there is none. */
  private record Run(byte[] output, String failure) {}

  /**
   * Runs pngquant with the image on its standard input and the result on its standard output, so
   * that nothing is written to disk and an interrupted run leaves nothing behind.
   */
  private Run run(byte[] input, int k, boolean dither) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(binary.toString()));
    if (!dither) {
      cmd.add("--nofs");
    }
    cmd.add(Integer.toString(k));
    cmd.add("-");
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    // the input is fed from another thread: pngquant may start writing before it has read it all
    Thread feeder = new Thread(() -> {
      try (OutputStream in = p.getOutputStream()) {
        in.write(input);
      } catch (IOException e) {
        // pngquant stopped reading; its exit code says why
      }
    }, "pngquant-input");
    feeder.setDaemon(true);
    feeder.start();
    try {
      byte[] output;
      try (InputStream out = p.getInputStream()) {
        output = out.readAllBytes();
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Run(null, "no answer after " + TIMEOUT_SECONDS + " s");
      }
      return p.exitValue() == 0 && output.length > 0 ? new Run(output, null)
          : new Run(null, "exit code " + p.exitValue());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      return new Run(null, "interrupted");
    }
  }

  /** PSNR of the PNG {@code data} against {@code original}, measured as for squish's own output. */
  static double psnr(PreparedImage original, byte[] data) throws IOException {
    RgbaImage out;
    try {
      out = new ImageDecoder(new DecodeLimits(Math.max(1, original.image().pixelCount()))).decode(data, data.length)
          .image();
    } catch (ImageDecodeException e) {
      throw new IOException("cannot read pngquant's output: " + e.getMessage(), e);
    }
    return original.measure(out).psnr();
  }
}

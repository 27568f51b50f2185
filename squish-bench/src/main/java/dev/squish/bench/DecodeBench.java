package dev.squish.bench;

import dev.squish.image.RgbaImage;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.ImageDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding a file's bytes into pixels (the checks, ImageIO or TwelveMonkeys, the conversion to
 * ARGB). Run from the project's root: the images are corpus files (a 0.4 MP PNG and a 12 MP
 * JPEG by default; any path works).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBench {
  @Param({StageImages.SMALL, StageImages.LARGE})
  String image;

  byte[] bytes;
  ImageDecoder decoder;

  @Setup(Level.Trial)
  public void load() throws Exception {
    bytes = Files.readAllBytes(Path.of(image));
    decoder = new ImageDecoder(DecodeLimits.defaults());
  }

  @Benchmark
  public RgbaImage decode() throws Exception {
    return decoder.decode(bytes, bytes.length).image();
  }
}

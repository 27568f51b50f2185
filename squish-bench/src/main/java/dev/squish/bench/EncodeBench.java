package dev.squish.bench;

import dev.squish.compress.CompressOptions;
import dev.squish.compress.PreparedImage;
import dev.squish.image.IndexedImage;
import dev.squish.io.encode.ImageEncoder;
import dev.squish.io.encode.OutputFormat;
import dev.squish.io.encode.PngOptions;
import dev.squish.quantize.Method;
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

/** Writing the palette PNG (bit packing, filtering, parallel deflate). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncodeBench {
  @Param({"skimage-chelsea.png", "opencv-baboon.jpg"})
  String image;

  @Param({"16", "256"})
  int k;

  IndexedImage indexed;

  @Setup(Level.Trial)
  public void load() throws Exception {
    indexed = PreparedImage.of(BenchImages.load(image)).compress(CompressOptions.of(Method.kMeans(k))).image();
  }

  @Benchmark
  public byte[] encodePng() {
    return ImageEncoder.encode(indexed, OutputFormat.PNG, PngOptions.defaults());
  }
}

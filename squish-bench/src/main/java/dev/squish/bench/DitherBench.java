package dev.squish.bench;

import dev.squish.compress.CompressOptions;
import dev.squish.compress.Compressed;
import dev.squish.compress.PreparedImage;
import dev.squish.image.IndexedImage;
import dev.squish.image.RgbaImage;
import dev.squish.metrics.DeltaE2000;
import dev.squish.metrics.Ssim;
import dev.squish.quantize.Method;
import dev.squish.remap.ErrorDiffusion;
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

/** Floyd–Steinberg onto a k-means palette, and the perceptual metrics. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DitherBench {
  @Param({"skimage-chelsea.png", "opencv-baboon.jpg"})
  String image;

  @Param({"16", "256"})
  int k;

  RgbaImage pixels;
  PreparedImage prepared;
  Compressed plain;

  @Setup(Level.Trial)
  public void load() throws Exception {
    pixels = BenchImages.load(image);
    prepared = PreparedImage.of(pixels);
    plain = prepared.compress(CompressOptions.of(Method.kMeans(k)));
  }

  @Benchmark
  public IndexedImage floydSteinberg() {
    return ErrorDiffusion.floydSteinberg(pixels, plain.image(), 1.0);
  }

  @Benchmark
  public double ssim() {
    return Ssim.mean(pixels, plain.image());
  }

  @Benchmark
  public double deltaE2000() {
    return DeltaE2000.mean(pixels, prepared.histogram(), plain.image());
  }
}

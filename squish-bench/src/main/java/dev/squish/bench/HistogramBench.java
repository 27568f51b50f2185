package dev.squish.bench;

import dev.squish.histogram.ColorHistogram;
import dev.squish.image.RgbaImage;
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

/** Counting the distinct colours of an image. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HistogramBench {
  @Param({"skimage-chelsea.png", "opencv-baboon.jpg"})
  String image;

  RgbaImage pixels;

  @Setup(Level.Trial)
  public void load() throws Exception {
    pixels = BenchImages.load(image);
  }

  @Benchmark
  public ColorHistogram histogram() {
    return ColorHistogram.of(pixels);
  }
}

package dev.squish.bench;

import dev.squish.cluster.Quantization;
import dev.squish.histogram.ColorHistogram;
import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.kmeans.KMeansConfig;
import dev.squish.quantize.kmeans.KMeansQuantizer;
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

/** The whole k-means quantizer on a histogram: seeding, Lloyd iterations, rounding. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KMeansBench {
  @Param({"skimage-chelsea.png", "opencv-baboon.jpg"})
  String image;

  @Param({"16", "64", "256"})
  int k;

  ColorHistogram histogram;
  KMeansQuantizer quantizer;

  @Setup(Level.Trial)
  public void load() throws Exception {
    histogram = ColorHistogram.of(BenchImages.load(image));
    quantizer = new KMeansQuantizer(KMeansConfig.of(k, 1, ColorSpace.SRGB));
  }

  @Benchmark
  public Quantization kmeans() {
    return quantizer.quantize(histogram);
  }
}

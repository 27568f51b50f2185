package dev.squish.bench;

import dev.squish.cluster.Quantization;
import dev.squish.cluster.WeightedPoints;
import dev.squish.color.ColorCoordinates;
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

/** The cost of clustering in each colour space: converting the histogram, and the whole k-means fit. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ColorSpaceBench {
  @Param({"opencv-baboon.jpg"})
  String image;

  @Param({"SRGB", "LINEAR", "OKLAB", "LAB"})
  ColorSpace space;

  @Param({"64"})
  int k;

  ColorHistogram histogram;
  KMeansQuantizer quantizer;

  @Setup(Level.Trial)
  public void load() throws Exception {
    histogram = ColorHistogram.of(BenchImages.load(image));
    quantizer = new KMeansQuantizer(KMeansConfig.of(k, 1, space));
  }

  @Benchmark
  public WeightedPoints convert() {
    return WeightedPoints.of(histogram, ColorCoordinates.of(space, false));
  }

  @Benchmark
  public Quantization kmeans() {
    return quantizer.quantize(histogram);
  }
}

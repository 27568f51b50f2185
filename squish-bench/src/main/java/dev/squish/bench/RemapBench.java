package dev.squish.bench;

import dev.squish.cluster.Quantization;
import dev.squish.cluster.WeightedPoints;
import dev.squish.color.ColorCoordinates;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.IndexedImage;
import dev.squish.image.RgbaImage;
import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.kmeans.KMeansConfig;
import dev.squish.quantize.kmeans.KMeansQuantizer;
import dev.squish.remap.PaletteMapper;
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

/** Mapping every pixel to its palette entry. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RemapBench {
  @Param({"skimage-chelsea.png", "opencv-baboon.jpg"})
  String image;

  @Param({"256"})
  int k;

  RgbaImage pixels;
  ColorHistogram histogram;
  Quantization quantization;
  WeightedPoints points;
  final ColorCoordinates space = ColorCoordinates.of(ColorSpace.SRGB, false);

  @Setup(Level.Trial)
  public void load() throws Exception {
    pixels = BenchImages.load(image);
    histogram = ColorHistogram.of(pixels);
    quantization = new KMeansQuantizer(KMeansConfig.of(k, 1, ColorSpace.SRGB)).quantize(histogram);
    points = WeightedPoints.of(histogram, space);
  }

  @Benchmark
  public IndexedImage remap() {
    return PaletteMapper.remap(pixels, histogram, quantization, points, space, 0.1);
  }
}

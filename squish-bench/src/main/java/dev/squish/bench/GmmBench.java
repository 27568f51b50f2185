package dev.squish.bench;

import dev.squish.color.ColorSpace;
import dev.squish.histogram.ColorHistogram;
import dev.squish.quantize.Quantization;
import dev.squish.quantize.WeightedPoints;
import dev.squish.quantize.gmm.GaussianMixture;
import dev.squish.quantize.gmm.GmmConfig;
import dev.squish.quantize.gmm.GmmQuantizer;
import dev.squish.quantize.gmm.GmmReport;
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
 * EM on a Gaussian mixture: the whole quantizer (k-means seeding, EM iterations, rounding), with
 * and without the pooled warm start ({@code coarse} = its iteration cap, 0 for none), and one
 * E-step pass over the histogram with the fitted mixture (the hot loop an EM iteration repeats).
 * Compare with {@link KMeansBench} on the same images and k.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class GmmBench {
  @Param({"skimage-chelsea.png", "opencv-baboon.jpg"})
  String image;

  @Param({"16", "64", "256"})
  int k;

  @Param({"0"})
  int coarse;

  ColorHistogram histogram;
  GmmQuantizer quantizer;
  WeightedPoints points;
  GaussianMixture fitted;

  @Setup(Level.Trial)
  public void load() throws Exception {
    histogram = ColorHistogram.of(BenchImages.load(image));
    quantizer = new GmmQuantizer(GmmConfig.of(k).withCoarseIterations(coarse));
    // the benchmark images are opaque: sRGB coordinates
    points = WeightedPoints.of(histogram, ColorSpace.SRGB.coordinates(false));
    fitted = ((GmmReport) quantizer.quantize(histogram).report()).mixture();
  }

  /** The whole EM quantizer. */
  @Benchmark
  public Quantization em() {
    return quantizer.quantize(histogram);
  }

  /** One E-step over every colour of the histogram (log-likelihood only, no M-step statistics). */
  @Benchmark
  public double eStep() {
    return fitted.meanLogLikelihood(points);
  }
}

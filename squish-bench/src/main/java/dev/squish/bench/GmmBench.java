package dev.squish.bench;

import dev.squish.cluster.Quantization;
import dev.squish.cluster.WeightedPoints;
import dev.squish.color.ColorCoordinates;
import dev.squish.histogram.ColorHistogram;
import dev.squish.quantize.Assignment;
import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.Covariance;
import dev.squish.quantize.FitReport;
import dev.squish.quantize.Speed;
import dev.squish.quantize.gmm.GmmConfig;
import dev.squish.quantize.gmm.GmmQuantizer;
import dev.squish.quantize.gmm.Mixture;
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
  Mixture fitted;

  @Setup(Level.Trial)
  public void load() throws Exception {
    histogram = ColorHistogram.of(BenchImages.load(image));
    quantizer = new GmmQuantizer(new GmmConfig(k, Covariance.FULL, GmmConfig.DEFAULT_REG_COVAR,
        GmmConfig.DEFAULT_TOLERANCE, GmmConfig.DEFAULT_MAX_ITERATIONS, coarse, 1, ColorSpace.SRGB,
        Assignment.NEAREST, Speed.DEFAULT));
    // the benchmark images are opaque: sRGB coordinates
    points = WeightedPoints.of(histogram, ColorCoordinates.of(ColorSpace.SRGB, false));
    fitted = Mixture.of(((FitReport.Em) quantizer.quantize(histogram).report()).mixture());
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

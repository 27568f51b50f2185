package dev.squish.quantize.kmeans;

import dev.squish.bench.StageImages;
import dev.squish.cluster.WeightedPoints;
import dev.squish.color.ColorCoordinates;
import dev.squish.histogram.ColorHistogram;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.quantize.ColorSpace;
import java.nio.file.Path;
import java.util.SplittableRandom;
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
 * The stages of a k-means fit, one by one (this class sits in the kernels' package to reach
 * them): k-means++ seeding on the coarse grid, random swaps there, and the Lloyd iterations on
 * every colour of the histogram from the grid's solution.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KMeansStagesBench {
  @Param({StageImages.SMALL, StageImages.LARGE})
  String image;

  @Param({"64", "256"})
  int k;

  WeightedPoints full;
  CoarseGrid grid;
  KMeansFit onGrid;

  @Setup(Level.Trial)
  public void load() throws Exception {
    ColorHistogram histogram = ColorHistogram.of(new ImageDecoder(DecodeLimits.defaults()).decode(Path.of(image))
        .image());
    full = WeightedPoints.of(histogram, ColorCoordinates.of(ColorSpace.SRGB, false));
    grid = CoarseGrid.of(histogram, full, false, Math.max(8 * k, 4096));
    onGrid = KMeans.fit(grid.points(), k, KMeansConfig.DEFAULT_MAX_ITERATIONS, KMeansConfig.DEFAULT_TOLERANCE, 1);
  }

  /** Greedy k-means++ on the coarse grid. */
  @Benchmark
  public double[] seeding() {
    return KMeansPlusPlus.seed(grid.points(), k, KMeansPlusPlus.greedyTrials(k), new SplittableRandom(1));
  }

  /** A hundred random-swap trials on the coarse grid (the default budget at k up to 64). */
  @Benchmark
  public KMeansFit swaps() {
    return RandomSwap.refine(grid.points(), onGrid, 100, KMeansConfig.DEFAULT_TOLERANCE, new SplittableRandom(1));
  }

  /** Lloyd iterations on every colour, from the grid's centres, to the default tolerance. */
  @Benchmark
  public KMeansFit lloyd() {
    return KMeans.refine(full, onGrid.centers(), k, 0, grid.labelsOfColors(onGrid.labels()),
        KMeansConfig.DEFAULT_MAX_ITERATIONS, KMeansConfig.DEFAULT_TOLERANCE);
  }
}

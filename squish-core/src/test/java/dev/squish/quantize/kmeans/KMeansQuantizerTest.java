package dev.squish.quantize.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import dev.squish.cluster.Quantization;
import dev.squish.cluster.WeightedPoints;
import dev.squish.color.ColorCoordinates;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.Palette;
import dev.squish.image.RgbaImage;
import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.FitReport;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KMeansQuantizerTest {

  private static Quantization quantize(ColorHistogram h, int k) {
    return new KMeansQuantizer(KMeansConfig.of(k, 1, ColorSpace.SRGB)).quantize(h);
  }

  @Test
  void twoSeparatedGroupsGiveTheirWeightedMeans() {
    ColorHistogram h = ColorHistogram.of(
        new int[] {0xFF0A141E, 0xFF0E141E, 0xFFC86432, 0xFFC86436},
        new long[] {2, 2, 1, 3});
    Quantization q = quantize(h, 2);
    assertThat(sorted(q.palette())).containsExactly(0xFF0C141E, 0xFFC86435);
    FitReport.KMeans report = (FitReport.KMeans) q.report();
    // squared errors: 4 pixels at distance 2, one at 3, three at 1 -> 28 over 8 pixels
    assertThat(report.objective()).isCloseTo(3.5, within(1e-12));
    assertThat(report.converged()).isTrue();
    assertThat(report.exact()).isFalse();
    assertThat(q.paletteIndexOf(0)).isEqualTo(q.paletteIndexOf(1));
    assertThat(q.paletteIndexOf(2)).isEqualTo(q.paletteIndexOf(3)).isNotEqualTo(q.paletteIndexOf(0));
  }

  @Test
  void oneColourIsTheWeightedMean() {
    ColorHistogram h = ColorHistogram.of(new int[] {0xFF000000, 0xFF642808}, new long[] {3, 1});
    Quantization q = quantize(h, 1);
    assertThat(q.palette().colors()).containsExactly(0xFF190A02); // (25, 10, 2)
  }

  @Test
  void fewerColoursThanKAreKeptExactly() {
    int[] colors = {0xFF000000, 0xFF123456, 0xFFFFFFFF, 0x80102030};
    ColorHistogram h = ColorHistogram.of(colors, new long[] {5, 1, 2, 7});
    Quantization q = quantize(h, 4);
    assertThat(sorted(q.palette())).containsExactlyInAnyOrder(colors);
    assertThat(q.report().exact()).isTrue();
    for (int i = 0; i < h.size(); i++) {
      assertThat(q.palette().color(q.paletteIndexOf(i))).isEqualTo(h.color(i));
    }
  }

  @Test
  void emptyClusterIsMovedToTheWorstFittedColour() {
    double[] x = {0, 0, 0, 10, 0, 0, 100, 0, 0};
    WeightedPoints points = new WeightedPoints(x, new double[] {1, 1, 1}, 3);
    double[] start = {0, 0, 0, 1000, 1000, 1000, 100, 0, 0};
    KMeansFit fit = KMeans.refine(points, start, 3, null, 50, 0);
    assertThat(fit.reseeded()).isEqualTo(1);
    assertThat(fit.objective()).isEqualTo(0);
    double[] firstCoordinates = {fit.centers()[0], fit.centers()[3], fit.centers()[6]};
    Arrays.sort(firstCoordinates);
    assertThat(firstCoordinates).containsExactly(0, 10, 100);
  }

  /** The pruned assignment must reach exactly the fixed point a brute-force Lloyd reaches from the same start. */
  @Test
  void prunedLloydMatchesBruteForceLloyd() {
    SplittableRandom r = new SplittableRandom(7);
    int n = 4000;
    int k = 40;
    double[] x = new double[n * 3];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < 3; c++) {
        x[i * 3 + c] = r.nextInt(256);
      }
      w[i] = 1 + r.nextInt(20);
    }
    double[] start = Arrays.copyOf(x, k * 3);
    KMeansFit fit = KMeans.refine(new WeightedPoints(x, w, 3), start, k, null, 1000, 0);
    double[] centers = bruteForceLloyd(x, w, start.clone(), k, fit.iterations());
    assertThat(fit.converged()).isTrue();
    for (int i = 0; i < centers.length; i++) {
      assertThat(fit.centers()[i]).isCloseTo(centers[i], within(1e-9));
    }
  }

  private static double[] bruteForceLloyd(double[] x, double[] w, double[] centers, int k, int iterations) {
    int n = w.length;
    for (int it = 0; it < iterations; it++) {
      double[] sums = new double[k * 3];
      double[] mass = new double[k];
      for (int i = 0; i < n; i++) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
          double d = WeightedPoints.distance2(x, i * 3, centers, j * 3, 3);
          if (d < bestD) {
            bestD = d;
            best = j;
          }
        }
        mass[best] += w[i];
        for (int c = 0; c < 3; c++) {
          sums[best * 3 + c] += w[i] * x[i * 3 + c];
        }
      }
      for (int j = 0; j < k; j++) {
        if (mass[j] > 0) {
          for (int c = 0; c < 3; c++) {
            centers[j * 3 + c] = sums[j * 3 + c] / mass[j];
          }
        }
      }
    }
    return centers;
  }

  /** Invariants on random images: at most k colours, each colour mapped to its nearest entry, repeatable. */
  @ParameterizedTest
  @CsvSource({"1,1", "2,2", "7,3", "16,4", "64,5", "256,6", "200,7"})
  void invariantsOnRandomImages(int k, long seed) {
    ColorHistogram h = ColorHistogram.of(randomImage(seed, 300, 200, seed % 2 == 0));
    Quantization q = quantize(h, k);
    Palette p = q.palette();
    assertThat(p.size()).isBetween(1, k);
    for (int i = 0; i < h.size(); i++) {
      int assigned = q.paletteIndexOf(i);
      long mine = dist2(h.color(i), p.color(assigned));
      for (int j = 0; j < p.size(); j++) {
        assertThat(mine).isLessThanOrEqualTo(dist2(h.color(i), p.color(j)));
      }
    }
    Quantization again = quantize(h, k);
    assertThat(again.palette()).isEqualTo(p);
  }

  @Test
  void resultDoesNotDependOnTheNumberOfThreads() throws Exception {
    ColorHistogram h = ColorHistogram.of(randomImage(11, 700, 500, false));
    Palette many = quantize(h, 64).palette();
    ForkJoinPool single = new ForkJoinPool(1);
    try {
      Palette one = single.submit(() -> quantize(h, 64).palette()).get();
      assertThat(one).isEqualTo(many);
    } finally {
      single.shutdown();
    }
  }

  /** The seed is used: the same seed repeats the palette, another one (here, on random blobs) changes it. */
  @Test
  void theSeedChoosesThePaletteAndTheSameSeedRepeatsIt() {
    ColorHistogram h = ColorHistogram.of(randomImage(3, 200, 200, false));
    KMeansQuantizer a = new KMeansQuantizer(KMeansConfig.of(32, 5, ColorSpace.SRGB));
    KMeansQuantizer b = new KMeansQuantizer(KMeansConfig.of(32, 6, ColorSpace.SRGB));
    Palette p = a.quantize(h).palette();
    assertThat(a.quantize(h).palette()).isEqualTo(p);
    assertThat(b.quantize(h).palette()).isNotEqualTo(p);
  }

  @Test
  void configRejectsOutOfRangeValuesWithTheirName() {
    assertThatThrownBy(() -> KMeansConfig.of(0, 1, ColorSpace.SRGB)).hasMessage("k must be from 1 to 256, got 0");
    assertThatThrownBy(() -> KMeansConfig.of(257, 1, ColorSpace.SRGB)).hasMessage("k must be from 1 to 256, got 257");
    assertThatThrownBy(() -> new KMeansConfig(4, 300, Double.NaN, 1, 0, 3, 1, ColorSpace.SRGB))
        .hasMessageContaining("tolerance");
    assertThatThrownBy(() -> new KMeansConfig(4, 0, 1e-5, 1, 0, 3, 1, ColorSpace.SRGB))
        .hasMessageContaining("maxIterations");
    assertThatThrownBy(() -> new KMeansConfig(4, 300, 1e-5, 1, 0, 0, 1, ColorSpace.SRGB))
        .hasMessageContaining("seedingTrials");
  }

  /**
   * Random swaps and k-means++ draw points with one sampler: never a point with no share, even for
   * the largest draw below 1 and zero-weight points at the end (where a copy of the sampler once
   * lost its step back over them).
   */
  @Test
  void samplingNeverPicksAPointWithoutShare() {
    double[] cumulative = {0, 2, 2, 5, 5, 5};
    double almostOne = Math.nextDown(1.0);
    assertThat(KMeansPlusPlus.sample(cumulative, almostOne)).isEqualTo(3);
    assertThat(KMeansPlusPlus.sample(cumulative, 0)).isEqualTo(1);
    assertThat(KMeansPlusPlus.sample(cumulative, 0.4)).isEqualTo(3);
    assertThat(KMeansPlusPlus.sample(new double[] {3, 3}, almostOne)).isEqualTo(0);
  }

  /** Smooth random blobs, like a photo's colours, with optional translucent pixels. */
  static RgbaImage randomImage(long seed, int w, int h, boolean alpha) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] px = new int[w * h];
    int[][] blobs = new int[12][];
    for (int b = 0; b < blobs.length; b++) {
      blobs[b] = new int[] {r.nextInt(256), r.nextInt(256), r.nextInt(256), 4 + r.nextInt(30)};
    }
    for (int i = 0; i < px.length; i++) {
      int[] b = blobs[r.nextInt(blobs.length)];
      int red = clamp(b[0] + (int) (r.nextGaussian() * b[3]));
      int green = clamp(b[1] + (int) (r.nextGaussian() * b[3]));
      int blue = clamp(b[2] + (int) (r.nextGaussian() * b[3]));
      int a = alpha && r.nextInt(4) == 0 ? r.nextInt(256) : 255;
      px[i] = (a << 24) | (red << 16) | (green << 8) | blue;
    }
    return RgbaImage.of(w, h, px);
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  private static long dist2(int a, int b) {
    double[] pa = new double[4];
    double[] pb = new double[4];
    boolean alpha = (a >>> 24) != 255 || (b >>> 24) != 255;
    var coords = ColorCoordinates.of(ColorSpace.SRGB, true);
    coords.toPoint(a, pa, 0);
    coords.toPoint(b, pb, 0);
    if (!alpha) {
      coords = ColorCoordinates.of(ColorSpace.SRGB, false);
      coords.toPoint(a, pa, 0);
      coords.toPoint(b, pb, 0);
      return Math.round(WeightedPoints.distance2(pa, 0, pb, 0, 3) * 1e6);
    }
    return Math.round(WeightedPoints.distance2(pa, 0, pb, 0, 4) * 1e6);
  }

  private static int[] sorted(Palette p) {
    int[] c = p.colors();
    Arrays.sort(c);
    return c;
  }
}

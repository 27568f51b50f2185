package dev.squish.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NearestCentersTest {

  /** Property: from any guess, the answer is at the brute-force minimum distance. */
  @ParameterizedTest
  @CsvSource({"1,3,1", "2,3,2", "16,3,3", "256,3,4", "64,4,5", "200,3,6"})
  void alwaysFindsAMinimumDistanceCentre(int k, int dim, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] centers = new double[k * dim];
    for (int i = 0; i < centers.length; i++) {
      // integer grid so that exact ties happen too
      centers[i] = r.nextInt(32) * 8;
    }
    NearestCenters search = new NearestCenters(centers, k, dim);
    double[] q = new double[dim];
    double[] d2 = new double[1];
    for (int t = 0; t < 5000; t++) {
      for (int c = 0; c < dim; c++) {
        q[c] = r.nextDouble() * 300 - 20;
      }
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        best = Math.min(best, WeightedPoints.distance2(q, 0, centers, j * dim, dim));
      }
      int found = search.nearest(q, 0, r.nextInt(k), d2, 0);
      assertThat(WeightedPoints.distance2(q, 0, centers, found * dim, dim)).isEqualTo(best);
      assertThat(d2[0]).isEqualTo(best);
    }
  }
}

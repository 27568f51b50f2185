package dev.squish.quantize.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.Speed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The effort of k-means falls as the speed rises, never the other way. */
class SpeedSettingsTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 16, 64, 256})
  void everyStepOfSpeedSpendsNoMoreEffortThanTheStepBefore(int k) {
    KMeansConfig previous = KMeansConfig.of(k, 1, ColorSpace.SRGB, Speed.of(Speed.SLOWEST));
    for (int s = Speed.SLOWEST + 1; s <= Speed.FASTEST; s++) {
      KMeansConfig c = KMeansConfig.of(k, 1, ColorSpace.SRGB, Speed.of(s));
      assertThat(c.restarts()).as("restarts at speed %d", s).isLessThanOrEqualTo(previous.restarts());
      assertThat(c.swaps()).as("swaps at speed %d", s).isLessThanOrEqualTo(previous.swaps());
      assertThat(c.maxIterations()).as("iteration cap at speed %d", s).isLessThanOrEqualTo(previous.maxIterations());
      assertThat(c.seedingTrials()).as("seeding trials at speed %d", s).isLessThanOrEqualTo(previous.seedingTrials());
      assertThat(c.tolerance()).as("tolerance at speed %d", s).isGreaterThanOrEqualTo(previous.tolerance());
      previous = c;
    }
    assertThat(KMeansConfig.of(k, 1, ColorSpace.SRGB, Speed.of(Speed.FASTEST)).swaps()).isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {64, 256})
  void speed3IsTheEffortOfSquishBeforeSpeeds(int k) {
    KMeansConfig c = KMeansConfig.of(k, 1, ColorSpace.SRGB, Speed.of(3));
    assertThat(c.tolerance()).isEqualTo(KMeansConfig.DEFAULT_TOLERANCE);
    assertThat(c.maxIterations()).isEqualTo(KMeansConfig.DEFAULT_MAX_ITERATIONS);
    assertThat(c.swaps()).isEqualTo(k <= 64 ? 100 : 0);
    assertThat(c.seedingTrials()).isEqualTo(KMeansPlusPlus.greedyTrials(k));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 12, -1})
  void aSpeedOutOfRangeIsRefused(int value) {
    assertThatThrownBy(() -> Speed.of(value)).hasMessage("speed must be from 1 to 11, got " + value);
  }
}

package dev.squish.quantize.gmm;

import static dev.squish.quantize.gmm.GmmConfigs.gmm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import dev.squish.cluster.Quantization;
import dev.squish.color.ColorCoordinates;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.Palette;
import dev.squish.quantize.Assignment;
import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.Covariance;
import dev.squish.quantize.FitReport;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class GmmQuantizerTest {

  private static Quantization quantize(ColorHistogram h, GmmConfig config) {
    return new GmmQuantizer(config).quantize(h);
  }

  private static FitReport.Em report(Quantization q) {
    return (FitReport.Em) q.report();
  }

  /**
   * The whole quantizer on 8-bit colours drawn from a known mixture: rounding to integers adds
   * 1/12 to each variance (more where the clamp to 0..255 bites, which these components avoid).
   * 60,000 draws: tolerances of four to five standard errors, as in {@link EmTest}.
   */
  @ParameterizedTest
  @ValueSource(longs = {4, 5})
  void recoversAKnownMixtureFromAnEightBitHistogram(long seed) {
    Mixture truth = Synthetic.threeColours();
    ColorHistogram h = Synthetic.histogram(truth, 60_000, seed);
    Quantization q = quantize(h, gmm(3).tolerance(1e-8).maxIterations(1000).seed(seed).build());
    FitReport.Em r = report(q);
    assertThat(r.converged()).isTrue();
    assertThat(r.collapses()).isEmpty();
    Mixture m = Mixture.of(r.mixture());
    assertThat(m.components()).isEqualTo(3);
    for (int t = 0; t < 3; t++) {
      int j = Synthetic.nearestMean(m, truth.mean(t));
      assertThat(m.weight(j)).isCloseTo(truth.weight(t), within(0.01));
      for (int c = 0; c < 3; c++) {
        assertThat(m.mean(j)[c]).isCloseTo(truth.mean(t)[c], within(0.45));
        double expected = truth.covariance(t)[c * 3 + c] + 1.0 / 12;
        assertThat(m.covariance(j)[c * 3 + c]).isCloseTo(expected, within(0.06 * expected));
      }
      assertThat(m.covariance(j)[1]).isCloseTo(truth.covariance(t)[1], within(0.06 * 121));
    }
    // the palette is the means, rounded
    assertThat(sorted(q.palette().colors())).containsExactly(sorted(roundedMeans(m)));
  }

  @Test
  void logLikelihoodIsTheMeanOverEveryPixelAndBicCountsTheParameters() {
    ColorHistogram h = Synthetic.histogram(Synthetic.threeColours(), 20_000, 9);
    FitReport.Em r = report(quantize(h, gmm(3).build()));
    Mixture m = Mixture.of(r.mixture());
    double sum = 0;
    double[] x = new double[3];
    for (int i = 0; i < h.size(); i++) {
      int c = h.color(i);
      x[0] = (c >>> 16) & 0xFF;
      x[1] = (c >>> 8) & 0xFF;
      x[2] = c & 0xFF;
      sum += h.count(i) * m.logDensity(x, 0);
    }
    assertThat(r.logLikelihood()).isCloseTo(sum / h.totalCount(), within(1e-9));
    assertThat(r.parameters()).isEqualTo(2 + 9 + 18);
    assertThat(r.bic()).isCloseTo(-2 * sum + 29 * Math.log(h.totalCount()), within(1e-6));
    assertThat(r.logLikelihoodHistory()[r.logLikelihoodHistory().length - 1]).isEqualTo(r.logLikelihood());
  }

  @Test
  void oneColourConvergesToASpike() {
    ColorHistogram h = ColorHistogram.of(new int[] {0xFF336699}, new long[] {1000});
    Quantization q = quantize(h, gmm(16).build());
    FitReport.Em r = report(q);
    assertThat(q.palette().colors()).containsExactly(0xFF336699);
    assertThat(r.exact()).isTrue();
    assertThat(r.converged()).isTrue();
    assertThat(r.components()).isEqualTo(1);
    assertFinite(r);
    // a single component of variance regCovar in each channel, centred on the colour
    assertThat(r.logLikelihood()).isCloseTo(-1.5 * Math.log(2 * Math.PI * GmmConfig.DEFAULT_REG_COVAR), within(1e-9));
  }

  @Test
  void twoColoursWithKEightConvergeWithoutNaN() {
    ColorHistogram h = ColorHistogram.of(new int[] {0xFF000000, 0xFFFFFFFF}, new long[] {300, 100});
    Quantization q = quantize(h, gmm(8).build());
    FitReport.Em r = report(q);
    assertThat(sorted(q.palette().colors())).containsExactly(0xFF000000, 0xFFFFFFFF);
    assertThat(r.converged()).isTrue();
    assertThat(r.components()).isEqualTo(2);
    assertThat(Mixture.of(r.mixture()).weights()).containsExactly(new double[] {0.75, 0.25}, within(1e-12));
    assertFinite(r);
  }

  /**
   * Grey pixels lie on the line R = G = B, so every covariance estimated from them is singular;
   * regCovar keeps the matrices invertible and the likelihood finite (and high: the components are
   * razor-thin across the grey axis).
   */
  @ParameterizedTest
  @EnumSource(Covariance.class)
  void greyImageWithSingularCovarianceConverges(Covariance type) {
    SplittableRandom r = new SplittableRandom(3);
    int[] colors = new int[200];
    long[] counts = new long[200];
    for (int v = 0; v < 200; v++) {
      colors[v] = 0xFF000000 | (v + 20) * 0x010101;
      counts[v] = 1 + r.nextInt(500);
    }
    ColorHistogram h = ColorHistogram.of(colors, counts);
    Quantization q = quantize(h, gmm(8).covariance(type).build());
    FitReport.Em report = report(q);
    assertThat(report.converged()).isTrue();
    assertFinite(report);
    assertThat(q.palette().size()).isEqualTo(8);
    for (int c : q.palette().colors()) {
      assertThat((c >>> 16) & 0xFF).isEqualTo(c & 0xFF).isEqualTo((c >>> 8) & 0xFF);
    }
    if (type == Covariance.FULL) {
      // across the grey axis only regCovar is left
      double[] cov = Mixture.of(report.mixture()).covariance(0);
      // variance along e = (1, -1, 0) / sqrt 2, across the grey axis: (c00 - 2 c01 + c11) / 2
      double across = (cov[0] - 2 * cov[1] + cov[4]) / 2;
      assertThat(across).isCloseTo(GmmConfig.DEFAULT_REG_COVAR, within(1e-9));
      assertThat(report.logLikelihood()).isGreaterThan(-8);
    }
  }

  @Test
  void nearestMappingNeverLosesToMaximumPosterior() {
    ColorHistogram h = Synthetic.histogram(Synthetic.threeColours(), 30_000, 2);
    Quantization nearest = quantize(h, gmm(6).build());
    Quantization map = quantize(h, gmm(6).assignment(Assignment.MAP).build());
    assertThat(Mixture.of(report(nearest).mixture()).means())
        .containsExactly(Mixture.of(report(map).mixture()).means());
    assertThat(report(nearest).objective()).isLessThan(report(map).objective());
    // MAP labels each colour by its most probable component
    Mixture m = Mixture.of(report(map).mixture());
    double[] x = new double[3];
    for (int i = 0; i < h.size(); i += 7) {
      int c = h.color(i);
      x[0] = (c >>> 16) & 0xFF;
      x[1] = (c >>> 8) & 0xFF;
      x[2] = c & 0xFF;
      int j = m.mostProbableComponent(x, 0);
      int expected = ColorCoordinates.of(ColorSpace.SRGB, false).toArgb(m.means(), j * 3);
      assertThat(map.palette().color(map.paletteIndexOf(i))).isEqualTo(expected);
    }
  }

  @Test
  void sameSeedSamePaletteOnOneCoreOrMany() throws Exception {
    ColorHistogram h = Synthetic.histogram(Synthetic.threeColours(), 200_000, 6);
    GmmConfig config = gmm(32).build();
    Quantization many = quantize(h, config);
    ForkJoinPool single = new ForkJoinPool(1);
    try {
      Quantization one = single.submit(() -> quantize(h, config)).get();
      assertThat(one.palette()).isEqualTo(many.palette());
      assertThat(report(one).logLikelihood()).isEqualTo(report(many).logLikelihood());
    } finally {
      single.shutdown();
    }
  }

  @Test
  void transparencyIsAFourthPremultipliedDimension() {
    int[] colors = {0x00000000, 0x80FF0000, 0xFF00FF00, 0xFF00FE00, 0x400000FF, 0xFFFFFFFF};
    long[] counts = {500, 40, 30, 30, 20, 10};
    Quantization q = quantize(ColorHistogram.of(colors, counts), gmm(5).build()); // the two greens share one
    FitReport.Em r = report(q);
    assertThat(r.dimensions()).isEqualTo(4);
    assertThat(q.palette().hasAlpha()).isTrue();
    assertThat(q.palette().colors()).contains(0x00000000);
    assertFinite(r);
  }

  @Test
  void covarianceTypesHaveTheirShape() {
    ColorHistogram h = Synthetic.histogram(Synthetic.threeColours(), 20_000, 1);
    Mixture diag = Mixture.of(report(quantize(h, gmm(4).covariance(Covariance.DIAG).build())).mixture());
    Mixture sph = Mixture.of(report(quantize(h, gmm(4).covariance(Covariance.SPHERICAL).build())).mixture());
    for (int j = 0; j < 4; j++) {
      double[] d = diag.covariance(j);
      double[] s = sph.covariance(j);
      assertThat(new double[] {d[1], d[2], d[3], d[5], d[6], d[7]}).containsOnly(0);
      assertThat(s[0]).isEqualTo(s[4]).isEqualTo(s[8]);
    }
    assertThat(diag.parameterCount()).isEqualTo(3 + 12 + 12);
    assertThat(sph.parameterCount()).isEqualTo(3 + 12 + 4);
  }

  /** The optional pooled warm start ends at the same mixture, up to what the tolerance leaves. */
  @Test
  void pooledWarmStartReachesTheSameMixture() {
    Mixture truth = Synthetic.threeColours();
    ColorHistogram h = Synthetic.histogram(truth, 200_000, 12);
    assertThat(h.size()).isGreaterThan(3 * 4096);
    GmmConfig config = gmm(3).tolerance(1e-7).maxIterations(500).build();
    FitReport.Em direct = report(quantize(h, config));
    FitReport.Em pooled = report(quantize(h, gmm(3).tolerance(1e-7).maxIterations(500).coarseIterations(100).build()));
    assertThat(direct.coarsePoints()).isZero();
    assertThat(pooled.coarsePoints()).isBetween(1000, h.size() / 3);
    assertThat(pooled.coarseIterations()).isPositive();
    assertThat(pooled.logLikelihood()).isCloseTo(direct.logLikelihood(), within(1e-5));
    for (int j = 0; j < 3; j++) {
      int t = Synthetic.nearestMean(Mixture.of(pooled.mixture()), Mixture.of(direct.mixture()).mean(j));
      for (int c = 0; c < 3; c++) {
        assertThat(Mixture.of(pooled.mixture()).mean(t)[c]).isCloseTo(Mixture.of(direct.mixture()).mean(j)[c],
            within(0.05));
      }
    }
  }

  @Test
  void configRejectsBadValuesByName() {
    assertThatThrownBy(() -> gmm(0).build()).hasMessage("components must be from 1 to 256, got 0");
    assertThatThrownBy(() -> gmm(8).regCovar(0).build()).hasMessage("regCovar must be a finite number > 0, got 0.0");
    assertThatThrownBy(() -> gmm(8).tolerance(Double.NaN).build())
        .hasMessage("tolerance must be a finite number >= 0, got NaN");
    assertThatThrownBy(() -> gmm(8).maxIterations(0).build()).hasMessage("maxIterations must be >= 1, got 0");
    assertThatThrownBy(() -> Covariance.byId("tied"))
        .hasMessage("unknown covariance type 'tied'; choose from full, diag, spherical");
  }

  @Test
  void mixtureRejectsWhatIsNotAMixture() {
    double[] cov = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    assertThatThrownBy(() -> Mixture.of(Covariance.FULL, 3, new double[] {0.5}, new double[3], cov))
        .hasMessage("weights must sum to 1, got 0.5");
    assertThatThrownBy(() -> Mixture.of(Covariance.FULL, 3, new double[] {1}, new double[3],
        new double[] {1, 2, 0, 2, 1, 0, 0, 0, 1})).hasMessage("covariance 0 is not positive definite");
    assertThatThrownBy(() -> Mixture.of(Covariance.DIAG, 3, new double[] {1}, new double[3],
        new double[] {2, 1, 0, 1, 2, 0, 0, 0, 1})).hasMessage("covariance 0 must be diagonal for type diag");
  }

  private static void assertFinite(FitReport.Em r) {
    assertThat(Double.isFinite(r.logLikelihood())).as("log-likelihood %s", r.logLikelihood()).isTrue();
    assertThat(Double.isFinite(r.bic())).isTrue();
    for (double v : r.logLikelihoodHistory()) {
      assertThat(Double.isFinite(v)).isTrue();
    }
    Mixture m = Mixture.of(r.mixture());
    for (double[] a : new double[][] {m.weights(), m.means(), m.covariances()}) {
      for (double v : a) {
        assertThat(Double.isFinite(v)).isTrue();
      }
    }
  }

  private static int[] roundedMeans(Mixture m) {
    int[] c = new int[m.components()];
    for (int j = 0; j < c.length; j++) {
      c[j] = ColorCoordinates.of(ColorSpace.SRGB, false).toArgb(m.means(), j * 3);
    }
    return c;
  }

  private static int[] sorted(int[] a) {
    int[] s = a.clone();
    Arrays.sort(s);
    return s;
  }

  @SuppressWarnings("unused")
  private static Palette palette(Quantization q) {
    return q.palette();
  }
}

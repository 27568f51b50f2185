package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.pipeline.CompressionOptions;
import dev.squish.pipeline.Compressed;
import dev.squish.pipeline.Compressor;
import dev.squish.quantize.gmm.GmmReport;
import dev.squish.testkit.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden checks of {@code --method em} on the committed photos: PSNR (nearest-colour mapping) and
 * the mean log-likelihood per pixel must reach the floors in {@code golden/em.properties}, and the
 * fit must converge without collapsing. Results far above a floor are reported as "too lax", as in
 * {@link PhotoQualityTest}.
 */
class EmPhotoQualityTest {
  private static final double LAX_DB = 0.3;
  private static final double LAX_LOGLIK = 0.02;

  static Stream<Arguments> cases() throws IOException {
    Properties golden = new Properties();
    try (InputStream in = EmPhotoQualityTest.class.getResourceAsStream("golden/em.properties")) {
      golden.load(in);
    }
    List<Arguments> out = new ArrayList<>();
    for (String photo : TestImages.PHOTOS) {
      for (int k : new int[] {16, 64}) {
        String key = photo + ".k" + k;
        out.add(Arguments.of(photo, k, Double.parseDouble(golden.getProperty(key + ".psnr.min")),
            Double.parseDouble(golden.getProperty(key + ".loglik.min"))));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} k={1}")
  @MethodSource("cases")
  void meetsItsFloors(String photo, int k, double psnrFloor, double logLikelihoodFloor) {
    Compressed c = Compressor.compress(TestImages.load(photo), CompressionOptions.em(k));
    GmmReport r = (GmmReport) c.quantization().report();
    double psnr = c.quality().psnr();
    System.out.printf("%s k=%d em PSNR %.3f dB, log-likelihood %.4f per pixel, %d iterations%n", photo, k, psnr,
        r.logLikelihood(), r.iterations());
    if (psnr > psnrFloor + LAX_DB) {
      System.out.printf("+++ too lax: %s k=%d PSNR %.3f dB, floor %.2f%n", photo, k, psnr, psnrFloor);
    }
    if (r.logLikelihood() > logLikelihoodFloor + LAX_LOGLIK) {
      System.out.printf("+++ too lax: %s k=%d log-likelihood %.4f, floor %.4f%n", photo, k, r.logLikelihood(),
          logLikelihoodFloor);
    }
    assertThat(r.converged()).as("converged on %s at k=%d", photo, k).isTrue();
    assertThat(r.collapses()).isEmpty();
    assertThat(psnr).as("PSNR of %s at k=%d", photo, k).isGreaterThanOrEqualTo(psnrFloor);
    assertThat(r.logLikelihood()).as("log-likelihood of %s at k=%d", photo, k)
        .isGreaterThanOrEqualTo(logLikelihoodFloor);
  }
}

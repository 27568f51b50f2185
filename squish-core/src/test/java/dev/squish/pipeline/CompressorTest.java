package dev.squish.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.image.RgbaImage;
import dev.squish.mapping.IndexedImage;
import dev.squish.quantize.gmm.Assignment;
import dev.squish.quantize.gmm.CovarianceType;
import dev.squish.quantize.gmm.GmmBicQuantizer;
import dev.squish.quantize.gmm.GmmConfig;
import dev.squish.quantize.gmm.GmmQuantizer;
import dev.squish.quantize.gmm.GmmReport;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CompressorTest {

  @Test
  void everyPixelGetsItsColoursEntryAndTheReportMatchesTheImage() {
    SplittableRandom r = new SplittableRandom(1);
    int[] px = new int[64 * 48];
    for (int i = 0; i < px.length; i++) {
      px[i] = 0xFF000000 | r.nextInt(1 << 24);
    }
    RgbaImage image = RgbaImage.of(64, 48, px);
    Compressed c = Compressor.compress(image, CompressionOptions.kmeans(8));
    IndexedImage out = c.image();
    assertThat(out.palette().size()).isLessThanOrEqualTo(8);
    for (int i = 0; i < px.length; i++) {
      int h = c.histogram().indexOf(px[i]);
      // the palette is reordered for writing, so compare colours, not indices
      assertThat(out.argb(i)).isEqualTo(c.quantization().palette().color(c.quantization().paletteIndexOf(h)));
    }
    long sse = 0;
    for (int i = 0; i < px.length; i++) {
      int a = px[i];
      int b = out.argb(i);
      for (int s = 0; s < 24; s += 8) {
        int d = ((a >>> s) & 0xFF) - ((b >>> s) & 0xFF);
        sse += d * d;
      }
    }
    assertThat(c.quality().mse()).isEqualTo(sse / (3.0 * px.length));
  }

  @Test
  void losslessWhenKIsAtLeastTheNumberOfColours() {
    int[] px = {0xFF000000, 0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0xFF000000, 0xFFFF0000};
    Compressed c = Compressor.compress(RgbaImage.of(3, 2, px), CompressionOptions.kmeans(4));
    assertThat(c.quality().lossless()).isTrue();
    for (int i = 0; i < px.length; i++) {
      assertThat(c.image().argb(i)).isEqualTo(px[i]);
    }
  }

  @Test
  void kOfOneGivesASingleColour() {
    Compressed c = Compressor.compress(RgbaImage.of(2, 1, new int[] {0xFF000000, 0xFF0A0A0A}),
        CompressionOptions.kmeans(1));
    assertThat(c.image().palette().colors()).containsExactly(0xFF050505);
  }

  @Test
  void emOptionsReachTheMixtureQuantizer() {
    CompressionOptions options = CompressionOptions.em(12).withSeed(9)
        .withEm(EmOptions.defaults().withCovariance(CovarianceType.DIAG).withAssignment(Assignment.MAP));
    GmmConfig config = ((GmmQuantizer) Compressor.quantizer(options)).config();
    assertThat(config.components()).isEqualTo(12);
    assertThat(config.seed()).isEqualTo(9);
    assertThat(config.covariance()).isEqualTo(CovarianceType.DIAG);
    assertThat(config.assignment()).isEqualTo(Assignment.MAP);
    assertThat(config.regCovar()).isEqualTo(1e-6 * 255 * 255);
    GmmBicQuantizer auto = (GmmBicQuantizer) Compressor.quantizer(options.withEm(options.em().withAutoK(3, 40)));
    assertThat(auto.ladder(1000)).containsExactly(3, 4, 6, 8, 12, 16, 24, 32, 40);
  }

  @Test
  void emReportsItsFitAndKeepsTransparentPixelsHidden() {
    SplittableRandom r = new SplittableRandom(2);
    int[] px = new int[40 * 30];
    for (int i = 0; i < px.length; i++) {
      px[i] = i % 5 == 0 ? 0x00102030 : 0xFF000000 | r.nextInt(1 << 24);
    }
    Compressed c = Compressor.compress(RgbaImage.of(40, 30, px), CompressionOptions.em(8));
    GmmReport report = (GmmReport) c.quantization().report();
    assertThat(report.method()).isEqualTo("em");
    assertThat(report.dimensions()).isEqualTo(4);
    assertThat(c.image().palette().size()).isLessThanOrEqualTo(8);
    assertThat(c.image().palette().colors()).contains(0x00102030);
  }
}

package dev.squish.compress;

import static org.assertj.core.api.Assertions.assertThat;
import dev.squish.image.IndexedImage;
import dev.squish.image.RgbaImage;
import dev.squish.quantize.Assignment;
import dev.squish.quantize.Covariance;
import dev.squish.quantize.FitReport;
import dev.squish.quantize.KSearch;
import dev.squish.quantize.Method;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PreparedImageTest {

  private static RgbaImage noise(long seed, int w, int h) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] px = new int[w * h];
    for (int i = 0; i < px.length; i++) {
      px[i] = 0xFF000000 | r.nextInt(1 << 24);
    }
    return RgbaImage.of(w, h, px);
  }

  @Test
  void everyPixelGetsItsColoursEntryOrContinuesItsRunAndTheQualityMatchesTheImage() {
    RgbaImage image = noise(1, 64, 48);
    Compressed c = PreparedImage.of(image).compress(CompressOptions.of(Method.kMeans(8)));
    IndexedImage out = c.image();
    assertThat(out.palette().size()).isLessThanOrEqualTo(8);
    long sse = 0;
    int runs = 0;
    for (int i = 0; i < image.pixelCount(); i++) {
      int a = image.argb(i);
      if (out.index(i) != c.paletteIndexOf(a)) {
        runs++;
        assertThat(i % image.width()).as("pixel %d continues a run", i).isPositive();
        assertThat(out.index(i)).as("pixel %d takes its left neighbour's entry", i).isEqualTo(out.index(i - 1));
      }
      int b = out.argb(i);
      for (int s = 0; s < 24; s += 8) {
        int d = ((a >>> s) & 0xFF) - ((b >>> s) & 0xFF);
        sse += d * d;
      }
    }
    assertThat(c.quality().mse()).isEqualTo(sse / (3.0 * image.pixelCount()));
    assertThat(runs).as("pixels that continue their neighbour's run").isPositive();
    assertThat(c.paletteIndexOf(0xFF000001)).as("a colour the image does not have").isEqualTo(-1);
  }

  @Test
  void thePaletteIsWrittenTranslucentFirstThenByUse() {
    int[] px = new int[100];
    for (int i = 0; i < px.length; i++) {
      px[i] = i < 10 ? 0x00000000 : i < 40 ? 0xFFFF0000 : 0xFF0000FF;
    }
    Compressed c = PreparedImage.of(RgbaImage.of(10, 10, px)).compress(CompressOptions.of(Method.kMeans(3)));
    assertThat(c.palette().colors()).containsExactly(0x00000000, 0xFF0000FF, 0xFFFF0000);
  }

  @Test
  void perceptualMeasuresAreTakenOnlyWhenAsked() {
    PreparedImage p = PreparedImage.of(noise(2, 40, 30));
    Quality plain = p.compress(CompressOptions.of(Method.kMeans(8))).quality();
    assertThat(plain.ssim()).isNaN();
    assertThat(plain.deltaE2000()).isNaN();
    Quality both = p.compress(CompressOptions.builder(Method.kMeans(8)).ssim(true).deltaE(true).build()).quality();
    assertThat(both.hasPerceptual()).isTrue();
    assertThat(both.ssim()).isBetween(0.0, 1.0);
    assertThat(both.deltaE2000()).isPositive();
    assertThat(both.mse()).isEqualTo(plain.mse());
  }

  @Test
  void emSettingsReachTheMixture() {
    PreparedImage p = PreparedImage.of(noise(3, 40, 30));
    Method em = new Method.Em(12, Covariance.DIAG, Assignment.MAP);
    FitReport.Em r = (FitReport.Em) p.compress(CompressOptions.builder(em).seed(9).build()).fit();
    assertThat(r.k()).isEqualTo(12);
    assertThat(r.covariance()).isEqualTo(Covariance.DIAG);
    assertThat(r.assignment()).isEqualTo(Assignment.MAP);
    assertThat(r.regCovar()).isEqualTo(1e-6 * 255 * 255);
  }

  @Test
  void emWithBicReportsTheKItChose() {
    PreparedImage p = PreparedImage.of(noise(4, 30, 20));
    Compressed c = p.compress(CompressOptions.of(Method.emAutoK(3, 8)));
    FitReport.Em r = (FitReport.Em) c.fit();
    assertThat(r.selection()).extracting(KSearch.Trial::k).containsExactly(3, 4, 6, 8);
    assertThat(c.k()).isEqualTo(r.k());
    KSearch.Choice choice = c.fit().kChoice().orElseThrow();
    assertThat(choice.search().criterion()).isEqualTo(KSearch.Criterion.BIC);
    assertThat(choice.search().range()).isEqualTo("3-8");
    assertThat(choice.search().ks()).containsExactly(3, 4, 6, 8);
    assertThat(choice.k()).isEqualTo(c.k());
    assertThat(choice.value()).isEqualTo(r.bic());
    assertThat(p.compress(CompressOptions.of(Method.em(8))).fit().kChoice()).as("k given").isEmpty();
    assertThat(p.compress(CompressOptions.of(Method.kMeans(8))).fit().kChoice()).as("k-means").isEmpty();
  }

  @Test
  void theKSearchListenerHearsEveryFitInOrderAndChangesNothing() {
    PreparedImage p = PreparedImage.of(noise(4, 30, 20));
    java.util.List<String> heard = new java.util.ArrayList<>();
    KSearch.Listener listener = new KSearch.Listener() {
      @Override
      public void started(KSearch search) {
        heard.add("started " + search.range() + " " + search.ks());
      }

      @Override
      public void tried(KSearch search, KSearch.Trial trial) {
        heard.add("tried " + trial);
      }
    };
    Compressed quiet = p.compress(CompressOptions.builder(Method.emAutoK(2, 6)).seed(3).build());
    Compressed heardOf = p.compress(CompressOptions.builder(Method.emAutoK(2, 6)).seed(3).kSearchListener(listener)
        .build());
    java.util.List<String> expected = new java.util.ArrayList<>(java.util.List.of("started 2-6 [2, 3, 4, 6]"));
    heardOf.fit().kChoice().orElseThrow().trials().forEach(t -> expected.add("tried " + t));
    assertThat(heard).containsExactlyElementsOf(expected);
    assertThat(heardOf.image().copyIndices()).isEqualTo(quiet.image().copyIndices());
    assertThat(heardOf.palette()).isEqualTo(quiet.palette());
    assertThat(heardOf.fit().kChoice()).isEqualTo(quiet.fit().kChoice());
  }

  @Test
  void emKeepsTransparentPixelsHidden() {
    SplittableRandom r = new SplittableRandom(2);
    int[] px = new int[40 * 30];
    for (int i = 0; i < px.length; i++) {
      px[i] = i % 5 == 0 ? 0x00102030 : 0xFF000000 | r.nextInt(1 << 24);
    }
    Compressed c = PreparedImage.of(RgbaImage.of(40, 30, px)).compress(CompressOptions.of(Method.em(8)));
    FitReport.Em report = (FitReport.Em) c.fit();
    assertThat(report.dimensions()).isEqualTo(4);
    assertThat(c.palette().size()).isLessThanOrEqualTo(8);
    assertThat(c.palette().colors()).contains(0x00102030);
  }

  @Test
  void anotherImageIsMeasuredAgainstTheOriginal() {
    RgbaImage image = RgbaImage.of(2, 1, new int[] {0xFF0A0A0A, 0xFF000000});
    Quality q = PreparedImage.of(image).measure(RgbaImage.of(2, 1, new int[] {0xFF0C0A0A, 0xFF000003}));
    assertThat(q.mse()).isEqualTo(13.0 / 6);
    assertThat(q.channels()).isEqualTo("RGB");
  }

  @Test
  void aPreviewIsMarkedAndAnImageWithFewColoursGetsTheExactResult() {
    RgbaImage photo = noise(5, 300, 200); // 60,000 colours: more than twice the preview's sample
    PreparedImage p = PreparedImage.of(photo);
    Compressed preview = p.preview(CompressOptions.of(Method.kMeans(16)));
    assertThat(preview.preview()).isTrue();
    assertThat(preview.palette().size()).isLessThanOrEqualTo(16);
    PreparedImage few = PreparedImage.of(noise(6, 40, 30));
    assertThat(few.preview(CompressOptions.of(Method.kMeans(16))).preview()).isFalse();
    assertThat(few.preview(CompressOptions.of(Method.kMeans(16))).image().copyIndices())
        .isEqualTo(few.compress(CompressOptions.of(Method.kMeans(16))).image().copyIndices());
  }
}

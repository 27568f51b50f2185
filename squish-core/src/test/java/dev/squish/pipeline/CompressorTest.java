package dev.squish.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.image.RgbaImage;
import dev.squish.mapping.IndexedImage;
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
}

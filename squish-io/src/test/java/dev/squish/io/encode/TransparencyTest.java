package dev.squish.io.encode;

import static org.assertj.core.api.Assertions.assertThat;
import dev.squish.compress.CompressOptions;
import dev.squish.compress.Compressed;
import dev.squish.compress.Dithering;
import dev.squish.compress.PreparedImage;
import dev.squish.image.Palette;
import dev.squish.image.RgbaImage;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.quantize.Method;
import dev.squish.testkit.TestImages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A logo on a transparent background (committed RGBA fixture) written and read back: the
 * background stays fully transparent, the shape fully opaque, the antialiased rim close to its
 * alpha, and the colours close where they are visible.
 */
class TransparencyTest {

  @ParameterizedTest(name = "k={0} dither={1}")
  @CsvSource({
      "4, none, 70, 22.5", "16, none, 16, 33.5", "64, none, 6, 42.5", "256, none, 2, 50.5",
      "16, fs, 16, 32.5", "64, fs, 6, 42.5", "256, fs, 2, 50.5"})
  void keepsTheBackgroundTheShapeAndTheRim(int k, String dither, double rimAlphaError, double premultipliedPsnr)
      throws Exception {
    RgbaImage original = TestImages.load(TestImages.LOGO_TRANSPARENT, RgbaImage::of);
    CompressOptions options = CompressOptions.builder(Method.kMeans(k))
        .dithering(dither.equals("fs") ? Dithering.floydSteinberg(1) : Dithering.NONE).build();
    Compressed c = PreparedImage.of(original).compress(options);
    assertThat(c.quality().channels()).isEqualTo("RGBA");
    byte[] png = ImageEncoder.encode(c.image(), OutputFormat.PNG, PngOptions.defaults());
    RgbaImage back = new ImageDecoder(DecodeLimits.defaults()).decode(png, png.length).image();

    int rim = 0;
    double rimError = 0;
    double sse = 0;
    for (int i = 0; i < original.pixelCount(); i++) {
      int a = original.argb(i);
      int b = back.argb(i);
      int alphaA = a >>> 24;
      int alphaB = b >>> 24;
      if (alphaA == 0) {
        assertThat(alphaB).as("pixel %d was fully transparent", i).isZero();
      } else if (alphaA == 255) {
        assertThat(alphaB).as("pixel %d was fully opaque", i).isEqualTo(255);
      } else {
        rim++;
        rimError += Math.abs(alphaA - alphaB);
      }
      for (int s = 0; s < 24; s += 8) {
        double d = ((a >>> s) & 0xFF) * alphaA / 255.0 - ((b >>> s) & 0xFF) * alphaB / 255.0;
        sse += d * d;
      }
    }
    assertThat(rim).isGreaterThan(1000);
    assertThat(rimError / rim).as("mean alpha error on the rim").isLessThanOrEqualTo(rimAlphaError);
    double psnr = 10 * Math.log10(255.0 * 255.0 / (sse / (3.0 * original.pixelCount())));
    assertThat(psnr).as("PSNR of the premultiplied colours").isGreaterThanOrEqualTo(premultipliedPsnr);

    // the translucent entries come first, so tRNS stops right after them
    Palette p = c.image().palette();
    int translucent = 0;
    while (translucent < p.size() && (p.color(translucent) >>> 24) != 255) {
      translucent++;
    }
    for (int j = translucent; j < p.size(); j++) {
      assertThat(p.color(j) >>> 24).isEqualTo(255);
    }
    assertThat(trnsLength(png)).isEqualTo(translucent);
  }

  private static int trnsLength(byte[] png) {
    for (int i = 8; i + 8 <= png.length; ) {
      int length = ((png[i] & 0xFF) << 24) | ((png[i + 1] & 0xFF) << 16) | ((png[i + 2] & 0xFF) << 8)
          | (png[i + 3] & 0xFF);
      String type = new String(png, i + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
      if (type.equals("tRNS")) {
        return length;
      }
      i += 12 + length;
    }
    return 0;
  }
}

package dev.squish.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import dev.squish.image.IndexedImage;
import dev.squish.image.Palette;
import dev.squish.image.RgbaImage;
import org.junit.jupiter.api.Test;

class ErrorMetricsTest {

  @Test
  void rgbErrorIsAveragedOverThreeChannels() {
    RgbaImage original = RgbaImage.of(2, 1, new int[] {0xFF0A0A0A, 0xFF000000});
    IndexedImage out = IndexedImage.of(2, 1, Palette.of(0xFF0C0A0A, 0xFF000003), new byte[] {0, 1});
    double mse = ErrorMetrics.mse(original, out);
    // squared errors 4 and 9 over 2 pixels x 3 channels
    assertThat(mse).isCloseTo(13.0 / 6, within(1e-12));
    assertThat(ErrorMetrics.psnr(mse)).isCloseTo(10 * Math.log10(65025 / (13.0 / 6)), within(1e-9));
    assertThat(ErrorMetrics.channels(original)).isEqualTo("RGB");
  }

  @Test
  void imagesWithAlphaAreMeasuredOverFourRawChannels() {
    RgbaImage original = RgbaImage.of(2, 1, new int[] {0x00FFFFFF, 0xFF000000});
    IndexedImage out = IndexedImage.of(2, 1, Palette.of(0x00000000, 0xFF000000), new byte[] {0, 1});
    assertThat(ErrorMetrics.channels(original)).isEqualTo("RGBA");
    assertThat(ErrorMetrics.mse(original, out)).isCloseTo(3 * 255.0 * 255 / 8, within(1e-9));
  }

  @Test
  void identicalImagesAreLosslessWithInfinitePsnr() {
    RgbaImage original = RgbaImage.of(1, 1, new int[] {0xFF123456});
    double mse = ErrorMetrics.mse(original, IndexedImage.of(1, 1, Palette.of(0xFF123456), new byte[1]));
    assertThat(mse).isZero();
    assertThat(ErrorMetrics.psnr(mse)).isInfinite();
  }

  @Test
  void anImageOfTheSameSizeIsMeasuredLikeAPaletteImage() {
    RgbaImage original = RgbaImage.of(2, 1, new int[] {0xFF0A0A0A, 0xFF000000});
    RgbaImage other = RgbaImage.of(2, 1, new int[] {0xFF0C0A0A, 0xFF000003});
    assertThat(ErrorMetrics.mse(original, other)).isCloseTo(13.0 / 6, within(1e-12));
  }

  @Test
  void psnrOfKnownMse() {
    assertThat(ErrorMetrics.psnr(65025)).isCloseTo(0, within(1e-12));
    assertThat(ErrorMetrics.psnr(6.5025)).isCloseTo(40, within(1e-12));
  }
}

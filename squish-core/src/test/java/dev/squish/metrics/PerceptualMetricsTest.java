package dev.squish.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import dev.squish.color.Srgb;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.IndexedImage;
import dev.squish.image.Palette;
import dev.squish.image.RgbaImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * CIEDE2000 against the published test pairs of Sharma et al. (2005); SSIM, L*a*b* and mean
 * ΔE00 against scikit-image 0.19.3 on a real crop and an 8-colour version of it (values in
 * {@code metrics/expected.properties}, made by the script in the commit that added them).
 */
class PerceptualMetricsTest {

  @Test
  void ciede2000MatchesSharmasTestData() throws IOException {
    int n = 0;
    try (BufferedReader r = reader("sharma2005.csv")) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#")) {
          continue;
        }
        double[] v = java.util.Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray();
        double de = DeltaE2000.difference(v[0], v[1], v[2], v[3], v[4], v[5]);
        assertThat(de).as("pair %d", n + 1).isCloseTo(v[6], within(5e-5));
        double swapped = DeltaE2000.difference(v[3], v[4], v[5], v[0], v[1], v[2]);
        assertThat(swapped).as("pair %d swapped", n + 1).isCloseTo(de, within(1e-9));
        n++;
      }
    }
    assertThat(n).isEqualTo(34);
  }

  @Test
  void labMatchesScikitImage() throws IOException {
    Properties expected = expected();
    RgbaImage crop = crop("chelsea-crop.rgb");
    double[] lab = new double[3];
    for (int i = 0; i < 5; i++) {
      Srgb.toLab(crop.argb(i), lab, 0);
      String[] want = expected.getProperty("lab." + i).split(",");
      for (int c = 0; c < 3; c++) {
        assertThat(lab[c]).isCloseTo(Double.parseDouble(want[c]), within(1e-6));
      }
    }
  }

  @Test
  void meanDeltaEAndSsimMatchScikitImage() throws IOException {
    Properties expected = expected();
    RgbaImage original = crop("chelsea-crop.rgb");
    IndexedImage distorted = indexed(crop("chelsea-crop-8colours.rgb"));
    double de = DeltaE2000.mean(original, ColorHistogram.of(original), distorted);
    assertThat(de).isCloseTo(Double.parseDouble(expected.getProperty("deltaE2000.mean")), within(1e-9));
    double ssim = Ssim.mean(original, distorted);
    assertThat(ssim).isCloseTo(Double.parseDouble(expected.getProperty("ssim")), within(1e-6));
  }

  @Test
  void identicalImagesHaveSsimOneAndNoColourDifference() throws IOException {
    RgbaImage original = crop("chelsea-crop-8colours.rgb");
    IndexedImage same = indexed(original);
    assertThat(Ssim.mean(original, same)).isCloseTo(1.0, within(1e-12));
    assertThat(DeltaE2000.mean(original, ColorHistogram.of(original), same)).isZero();
  }

  @Test
  void transparentPixelsDoNotCountInDeltaE() {
    RgbaImage original = RgbaImage.of(2, 1, new int[] {0x00FF0000, 0xFF000000});
    IndexedImage out = IndexedImage.of(2, 1, Palette.of(0x0000FF00, 0xFF000000), new byte[] {0, 1});
    assertThat(DeltaE2000.mean(original, ColorHistogram.of(original), out)).isZero();
  }

  private static Properties expected() throws IOException {
    Properties p = new Properties();
    try (InputStream in = PerceptualMetricsTest.class.getResourceAsStream("expected.properties")) {
      p.load(in);
    }
    return p;
  }

  private static BufferedReader reader(String name) {
    return new BufferedReader(new InputStreamReader(PerceptualMetricsTest.class.getResourceAsStream(name),
        StandardCharsets.US_ASCII));
  }

  /** A raw RGB crop, 64×48. */
  static RgbaImage crop(String name) throws IOException {
    byte[] rgb;
    try (InputStream in = PerceptualMetricsTest.class.getResourceAsStream(name)) {
      rgb = in.readAllBytes();
    }
    int[] px = new int[rgb.length / 3];
    for (int i = 0; i < px.length; i++) {
      px[i] = 0xFF000000 | (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8 | (rgb[3 * i + 2] & 0xFF);
    }
    return RgbaImage.of(64, 48, px);
  }

  /** The image as an indexed image over its own distinct colours (at most 256). */
  static IndexedImage indexed(RgbaImage image) {
    Map<Integer, Integer> index = new LinkedHashMap<>();
    byte[] idx = new byte[image.pixelCount()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = (byte) (int) index.computeIfAbsent(image.argb(i), c -> index.size());
    }
    List<Integer> colors = new ArrayList<>(index.keySet());
    if (colors.size() > 256) {
      // keep the test honest: only used with images of at most 256 colours
      throw new IllegalArgumentException("too many colours: " + colors.size());
    }
    return IndexedImage.of(image.width(), image.height(),
        Palette.of(colors.stream().mapToInt(Integer::intValue).toArray()), idx);
  }
}

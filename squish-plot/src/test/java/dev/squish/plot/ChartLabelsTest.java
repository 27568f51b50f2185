package dev.squish.plot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.compress.CompressOptions;
import dev.squish.compress.Compressed;
import dev.squish.compress.PreparedImage;
import dev.squish.image.RgbaImage;
import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.Method;
import dev.squish.testkit.TestImages;
import dev.squish.view.CloudSpace;
import dev.squish.view.ColorCloud;
import dev.squish.view.Swatch;
import dev.squish.view.View;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.knowm.xchart.BitmapEncoder;

/** Where the charts' texts land once painted: on nothing else, inside the picture. */
class ChartLabelsTest {
  private static final Map<String, ColorCloud> CLOUDS = new HashMap<>();

  /**
   * Seen from above, black and white fall on one point, and a grey photo's cloud is one point
   * too; from the side the corners' names were once drawn wherever their corner projected.
   */
  @ParameterizedTest
  @EnumSource(ColorSpace.class)
  void noTwoAxisOrCornerNamesOfACloudPanelOverlap(ColorSpace space) {
    CloudSpace layout = CloudSpace.of(space);
    for (String photo : TestImages.PHOTOS) {
      ColorCloud cloud = cloud(photo, space);
      for (View v : View.FIXED) {
        PlacedLabels.Labelled panel = CloudChart.labelled(cloud, layout, v, Plots.CLOUD_PANEL);
        BufferedImage picture = BitmapEncoder.getBufferedImage(panel.chart());
        List<Rectangle2D> boxes = panel.labels().placed();
        assertThat(boxes).as("%s, %s", photo, v).hasSize(layout.labels().size());
        assertDisjoint(boxes, photo + ", " + v);
        for (Rectangle2D b : boxes) {
          assertThat(new Rectangle2D.Double(0, 0, picture.getWidth(), picture.getHeight()).contains(b))
              .as("%s inside the %s panel of %s", b, v, photo).isTrue();
        }
      }
    }
  }

  /**
   * Each side view looks at every colour axis from the side: from azimuth 60° the red corner of
   * the RGB cube fell onto the grey axis, its name in the middle of the picture.
   */
  @ParameterizedTest
  @EnumSource(ColorSpace.class)
  void theSideViewsSeeEveryColourAxisFromTheSide(ColorSpace space) {
    CloudSpace layout = CloudSpace.of(space);
    double[] frame = layout.frame();
    double[] centre = layout.centre();
    for (View v : View.FIXED) {
      if (v.elevation() == 90) {
        continue;
      }
      double[] p = layout.projection(v);
      for (CloudSpace.Label l : layout.labels()) {
        // distance from the up axis in 3-D, display units, against the same seen on the screen
        double across = 0;
        for (int row = 0; row < 2; row++) {
          double d = 0;
          for (int c = 0; c < 3; c++) {
            d += frame[row * 3 + c] * (l.at()[c] - centre[c]) * layout.scale();
          }
          across += d * d;
        }
        if (Math.sqrt(across) < 0.1) {
          continue; // on the up axis (black, white, L)
        }
        double seen = Math.abs(layout.project(p, l.at(), 0)[0]);
        assertThat(seen).as("%s in %s, %s", l.text(), space.id(), v).isGreaterThan(0.3 * Math.sqrt(across));
      }
    }
  }

  /** The Oklab cloud of a photo once filled a quarter of its panel: the panel showed the whole gamut. */
  @ParameterizedTest
  @EnumSource(ColorSpace.class)
  void theCloudOfAPhotoFillsItsPanels(ColorSpace space) {
    CloudSpace layout = CloudSpace.of(space);
    for (String photo : List.of(TestImages.CHELSEA, TestImages.BABOON)) {
      ColorCloud cloud = cloud(photo, space);
      List<Integer> colours = new ArrayList<>();
      for (int e = 0; e < cloud.palette().size(); e++) {
        colours.add(cloud.palette().color(e) & 0xFFFFFF);
      }
      for (View v : View.FIXED) {
        PlacedLabels.Labelled panel = CloudChart.labelled(cloud, layout, v, Plots.CLOUD_PANEL);
        BufferedImage picture = BitmapEncoder.getBufferedImage(panel.chart());
        // the cloud's extent: pixels in exactly a palette entry's colour (points and entries)
        int minX = Integer.MAX_VALUE;
        int maxX = -1;
        int minY = Integer.MAX_VALUE;
        int maxY = -1;
        for (int y = 0; y < picture.getHeight(); y++) {
          for (int x = 0; x < picture.getWidth(); x++) {
            if (colours.contains(picture.getRGB(x, y) & 0xFFFFFF)) {
              minX = Math.min(minX, x);
              maxX = Math.max(maxX, x);
              minY = Math.min(minY, y);
              maxY = Math.max(maxY, y);
            }
          }
        }
        Rectangle2D plot = panel.labels().plotArea();
        double filled = Math.max((maxX - minX + 1) / plot.getWidth(), (maxY - minY + 1) / plot.getHeight());
        assertThat(filled).as("share of the %s panel of %s in %s the cloud spans", v, photo, space.id())
            .isGreaterThan(0.7);
      }
    }
  }

  /** "k=2" once sat under the markers of the other lines' points at small k, where they crowd. */
  @Test
  void theRateDistortionLabelsCoverNoMarkerNoLineAndNoOtherLabel() {
    // a sweep of a 4 MP photo (plasma-ColorfulCups.jpg): bits per pixel, PSNR at k = 2 .. 256
    double[][] kmeans = {{0.053, 17.85}, {0.143, 21.15}, {0.232, 25.90}, {0.429, 30.22}, {0.798, 33.59},
        {1.295, 36.67}, {1.834, 39.18}, {2.414, 41.35}};
    double[][] em = {{0.051, 17.84}, {0.131, 20.44}, {0.227, 24.29}, {0.449, 28.20}, {0.892, 32.09},
        {1.331, 34.84}, {1.940, 38.04}, {2.469, 40.18}};
    double[][] pngquant = {{0.056, 17.78}, {0.149, 20.92}, {0.239, 25.26}, {0.511, 29.91}, {0.862, 33.26},
        {1.427, 36.30}, {2.079, 38.88}, {2.917, 40.99}};
    List<RateDistortion.Point> points = new ArrayList<>();
    addLine(points, "kmeans", kmeans);
    addLine(points, "em", em);
    addLine(points, "pngquant", pngquant);
    PlacedLabels.Labelled chart = RateDistortionChart.labelled(points, "cups", RateDistortionChart.WIDTH,
        RateDistortionChart.HEIGHT);
    BitmapEncoder.getBufferedImage(chart.chart());
    List<Rectangle2D> boxes = chart.labels().placed();
    assertThat(boxes).hasSize(8);
    assertDisjoint(boxes, "k labels");
    assertThat(chart.labels().avoided()).hasSizeGreaterThan(24);
    for (Rectangle2D b : boxes) {
      assertThat(chart.labels().plotArea().contains(b)).as("%s inside the plot", b).isTrue();
      for (Rectangle2D o : chart.labels().avoided()) {
        assertThat(b.intersects(o)).as("label %s over marker or line %s", b, o).isFalse();
      }
    }
  }

  /** The swatches once had a code under every second or third bar only (XChart's default tick spacing). */
  @ParameterizedTest
  @ValueSource(ints = {8, 16, 40, 64})
  void everyPaletteBarHasItsCodeUnderIt(int n) {
    List<Swatch> swatches = new ArrayList<>();
    double total = n * (n + 1) / 2.0;
    for (int i = 0; i < n; i++) {
      // light, distinct colours (the labels' ink is dark), shares falling from the first to the last
      swatches.add(new Swatch(0xFF000000 | Color.HSBtoRGB((float) i / n, 0.6f, 0.95f), (n - i) / total));
    }
    BufferedImage picture = BitmapEncoder.getBufferedImage(PaletteChart.chart(swatches, "palette",
        PaletteChart.width(n), 420));
    for (Swatch s : swatches) {
      int rgb = s.argb() & 0xFFFFFF;
      long sumX = 0;
      int count = 0;
      int bottom = 0;
      for (int y = 0; y < picture.getHeight(); y++) {
        for (int x = 0; x < picture.getWidth(); x++) {
          if ((picture.getRGB(x, y) & 0xFFFFFF) == rgb) {
            sumX += x;
            count++;
            bottom = Math.max(bottom, y);
          }
        }
      }
      assertThat(count).as("pixels of bar %s", ChartStyle.hex(rgb)).isGreaterThan(0);
      int centre = (int) (sumX / count);
      // the code stands on its side under the bar, below the tick marks and above the axis title
      int ink = 0;
      for (int y = bottom + 10; y < picture.getHeight() - 30; y++) {
        for (int x = centre - 2; x <= centre + 2; x++) {
          int p = picture.getRGB(x, y);
          if (((p >> 16) & 0xFF) < 0x80 && ((p >> 8) & 0xFF) < 0x80 && (p & 0xFF) < 0x80) {
            ink++;
          }
        }
      }
      assertThat(ink).as("ink under bar %s of %d", ChartStyle.hex(rgb), n).isGreaterThan(20);
    }
  }

  private static void addLine(List<RateDistortion.Point> points, String method, double[][] bppPsnr) {
    for (int i = 0; i < bppPsnr.length; i++) {
      int k = 2 << i;
      points.add(new RateDistortion.Point(method, k, 0, bppPsnr[i][0], bppPsnr[i][1], 0));
    }
  }

  private static ColorCloud cloud(String photo, ColorSpace space) {
    return CLOUDS.computeIfAbsent(photo + " " + space.id(), key -> {
      PreparedImage image = PreparedImage.of(TestImages.load(photo, RgbaImage::of));
      Compressed c = image.compress(CompressOptions.builder(Method.kMeans(8)).space(space).build());
      return ColorCloud.of(ColorCloud.sample(image), c, space);
    });
  }

  private static void assertDisjoint(List<Rectangle2D> boxes, String what) {
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        assertThat(boxes.get(i).intersects(boxes.get(j))).as("%s: %s and %s overlap", what, boxes.get(i),
            boxes.get(j)).isFalse();
      }
    }
  }
}

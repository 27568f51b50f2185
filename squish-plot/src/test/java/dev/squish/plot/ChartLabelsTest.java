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
import dev.squish.view.View;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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

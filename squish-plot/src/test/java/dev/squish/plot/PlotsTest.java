package dev.squish.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import dev.squish.compress.CompressOptions;
import dev.squish.compress.Compressed;
import dev.squish.compress.Dithering;
import dev.squish.compress.PreparedImage;
import dev.squish.image.RgbaImage;
import dev.squish.io.encode.ImageEncoder;
import dev.squish.io.encode.OutputFormat;
import dev.squish.io.encode.PngOptions;
import dev.squish.quantize.Assignment;
import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.Covariance;
import dev.squish.quantize.Method;
import dev.squish.quantize.Speed;
import dev.squish.testkit.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The written PNG files: their size, that something was drawn, and the swatches' colours. */
class PlotsTest {
  private static final PreparedImage CHELSEA = PreparedImage.of(TestImages.load(TestImages.CHELSEA, RgbaImage::of));

  @Test
  void writesTheFourPlotsWithTheSwatchesInThePalettesColours(@TempDir Path dir) throws IOException {
    CompressOptions options = CompressOptions.of(Method.kMeans(8));
    PlotRequest request = new PlotRequest("chelsea", CHELSEA, options, List.of(Method.kMeans(1)), List.of(4, 16, 64),
        false, false);
    List<Path> files = Plots.write(dir, request, line -> { });
    assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("chelsea-palette.png",
        "chelsea-cloud.png", "chelsea-convergence.png", "chelsea-palette.gpl", "chelsea-rd.png");

    BufferedImage palette = read(dir.resolve("chelsea-palette.png"));
    assertThat(palette.getWidth()).isEqualTo(640);
    assertThat(palette.getHeight()).isEqualTo(420);
    Map<Integer, Integer> counts = rgbCounts(palette);
    Compressed c = CHELSEA.compress(options);
    for (int i = 0; i < c.image().palette().size(); i++) {
      int rgb = c.image().palette().color(i) & 0xFFFFFF;
      // a bar is solid: hundreds of pixels of exactly the entry's colour
      assertThat(counts.getOrDefault(rgb, 0)).as("pixels of swatch #%06x", rgb).isGreaterThan(300);
    }

    BufferedImage cloud = read(dir.resolve("chelsea-cloud.png"));
    assertThat(cloud.getWidth()).isEqualTo(3 * Plots.CLOUD_PANEL);
    assertThat(cloud.getHeight()).isEqualTo(Plots.CLOUD_PANEL);
    assertNotBlank(cloud, 200);
    // the palette markers are drawn in the entries' colours in every panel
    Map<Integer, Integer> cloudCounts = rgbCounts(cloud);
    for (int i = 0; i < c.palette().size(); i++) {
      int rgb = c.palette().color(i) & 0xFFFFFF;
      assertThat(cloudCounts.getOrDefault(rgb, 0)).as("pixels of palette entry #%06x in the cloud", rgb)
          .isGreaterThan(30);
    }
    assertNotBlank(read(dir.resolve("chelsea-convergence.png")), 20);
    BufferedImage rd = read(dir.resolve("chelsea-rd.png"));
    assertThat(rd.getWidth()).isEqualTo(820);
    assertNotBlank(rd, 20);
    // the k-means line is drawn in its colour
    assertThat(rgbCounts(rd).getOrDefault(0x1f6fb4, 0)).isGreaterThan(100);
  }

  @Test
  void drawsTheCloudInRgbAsWellForAnotherSpace(@TempDir Path dir) throws IOException {
    CompressOptions options = CompressOptions.builder(Method.kMeans(6)).space(ColorSpace.OKLAB)
        .dithering(Dithering.floydSteinberg(1)).build();
    List<Path> files = Plots.write(dir, new PlotRequest("cat", CHELSEA, options, List.of(), List.of(), false,
        false), line -> { });
    assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("cat-palette.png",
        "cat-cloud.png", "cat-cloud-rgb.png", "cat-convergence.png", "cat-palette.gpl");
    assertNotBlank(read(dir.resolve("cat-cloud-rgb.png")), 200);
  }

  /** A given palette: its swatches, its cloud and the palette file, but nothing fitted to chart. */
  @Test
  void aGivenPaletteHasNoConvergenceNorRateDistortionAndIsSavedAsItIs(@TempDir Path dir) throws Exception {
    Compressed fitted = CHELSEA.compress(CompressOptions.of(Method.kMeans(8)));
    CompressOptions options = CompressOptions.of(Method.given(fitted.palette()));
    List<Path> files = Plots.write(dir, new PlotRequest("given", CHELSEA, options, List.of(Method.kMeans(1)),
        List.of(4, 16), false, false), line -> { });
    assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("given-palette.png",
        "given-cloud.png", "given-palette.gpl");
    assertThat(dev.squish.io.palette.PaletteFiles.read(dir.resolve("given-palette.gpl"))).isEqualTo(
        fitted.palette());
    assertNotBlank(read(dir.resolve("given-cloud.png")), 200);
  }

  @Test
  void refusesToOverwriteWithoutBeingAsked(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("cat-palette.png"), "mine");
    PlotRequest request = new PlotRequest("cat", CHELSEA, CompressOptions.of(Method.kMeans(4)), List.of(), List.of(),
        false, false);
    assertThatThrownBy(() -> Plots.write(dir, request, line -> { })).isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(dir.resolve("cat-palette.png"))).isEqualTo("mine");
  }

  @Test
  void pngquantsPointsAreMeasuredLikeSquishs() throws IOException {
    var pq = Pngquant.onPath();
    assumeTrue(pq.isPresent(), "no pngquant on the PATH");
    List<RateDistortion.Point> points = pq.get().sweep(CHELSEA, List.of(8, 64), false, p -> { }, w -> { });
    assertThat(points).hasSize(2);
    List<RateDistortion.Point> ours = RateDistortion.sweep(CHELSEA, CompressOptions.of(Method.kMeans(8)),
        List.of(Method.kMeans(1)), List.of(8, 64), PngOptions.defaults(), p -> { });
    for (int i = 0; i < 2; i++) {
      // same scale: at the same k the two tools land within a few dB and a factor of two in size
      assertThat(points.get(i).psnr()).isBetween(ours.get(i).psnr() - 4, ours.get(i).psnr() + 4);
      assertThat(points.get(i).bpp()).isBetween(ours.get(i).bpp() / 2, ours.get(i).bpp() * 2);
    }
    assertThat(points.get(1).psnr()).isGreaterThan(points.get(0).psnr());
  }

  /**
   * Each method of the sweep keeps its own settings at every k: once the EM points were made with
   * the default full covariances whatever {@code --covariance} said.
   */
  @Test
  void theRateDistortionSweepKeepsTheMethodsOwnSettings() {
    Method diag = new Method.Em(4, Covariance.DIAG, Assignment.NEAREST);
    CompressOptions base = CompressOptions.of(diag);
    List<RateDistortion.Point> points = RateDistortion.sweep(CHELSEA, base, List.of(diag), List.of(4, 8),
        PngOptions.defaults(), p -> { });
    for (RateDistortion.Point p : points) {
      Compressed direct = CHELSEA.compress(CompressOptions.of(diag.withK(p.k())));
      Compressed full = CHELSEA.compress(CompressOptions.of(Method.em(p.k())));
      assertThat(p.psnr()).as("k = %d", p.k()).isEqualTo(direct.quality().psnr()).isNotEqualTo(full.quality().psnr());
      assertThat(p.bytes()).isEqualTo(ImageEncoder.encode(direct.image(), OutputFormat.PNG,
          PngOptions.defaults()).length);
    }
  }

  /** The sweep's files were once written at the default speed whatever --speed said. */
  @Test
  void theRateDistortionPointsAreWrittenAtTheCommandsSpeed(@TempDir Path dir) throws IOException {
    Speed fastest = new Speed(Speed.FASTEST);
    CompressOptions options = CompressOptions.builder(Method.kMeans(16)).speed(fastest).build();
    List<String> log = new ArrayList<>();
    Plots.write(dir, new PlotRequest("cat", CHELSEA, options, List.of(Method.kMeans(1)), List.of(16), false, false),
        log::add);
    Compressed c = CHELSEA.compress(options);
    double pixels = CHELSEA.image().pixelCount();
    String atSpeed = String.format(Locale.ROOT, "%.3f bpp",
        8.0 * ImageEncoder.encode(c.image(), OutputFormat.PNG, PngOptions.of(fastest)).length / pixels);
    String atDefault = String.format(Locale.ROOT, "%.3f bpp",
        8.0 * ImageEncoder.encode(c.image(), OutputFormat.PNG, PngOptions.defaults()).length / pixels);
    assertThat(atSpeed).isNotEqualTo(atDefault);
    assertThat(log).anySatisfy(line -> assertThat(line).contains("kmeans", "k=16", atSpeed));
  }

  private static BufferedImage read(Path p) throws IOException {
    BufferedImage b = ImageIO.read(p.toFile());
    assertThat(b).as("%s decodes", p).isNotNull();
    return b;
  }

  private static Map<Integer, Integer> rgbCounts(BufferedImage b) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int y = 0; y < b.getHeight(); y++) {
      for (int x = 0; x < b.getWidth(); x++) {
        counts.merge(b.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
      }
    }
    return counts;
  }

  /** More than {@code minColours} distinct colours, and no single colour covering 97% of the picture. */
  private static void assertNotBlank(BufferedImage b, int minColours) {
    Map<Integer, Integer> counts = rgbCounts(b);
    Set<Integer> distinct = new HashSet<>(counts.keySet());
    assertThat(distinct.size()).isGreaterThan(minColours);
    int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    assertThat((double) max / (b.getWidth() * b.getHeight())).isLessThan(0.97);
  }
}

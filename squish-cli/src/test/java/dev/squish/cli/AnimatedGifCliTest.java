package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.image.RgbaImage;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.gif.GifAnimation;
import dev.squish.testkit.TestGifs;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An animated GIF in: kept animated as GIF, one frame with --frame, refused as PNG; its damage is reported. */
class AnimatedGifCliTest {
  @TempDir
  Path dir;

  static GifAnimation read(Path gif) throws Exception {
    byte[] b = Files.readAllBytes(gif);
    return GifAnimation.read(b, b.length, DecodeLimits.defaults());
  }

  static List<RgbaImage> frames(GifAnimation a) {
    List<RgbaImage> all = new ArrayList<>();
    a.forEach(f -> all.add(f.image()));
    return all;
  }

  @Test
  void anAnimationWrittenAsGifKeepsItsFramesDelaysLoopAndOnePalette() throws Exception {
    Path in = TestGifs.copyTo(TestGifs.TINY, dir);
    Path out = dir.resolve("out.gif");
    CliRun run = CliRun.of(in.toString(), "-k", "16", "-o", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains(": 4438 B -> ").contains(", 24 frames, ").contains(" dB over all frames, ");
    GifAnimation a = read(out);
    assertThat(a.frameCount()).isEqualTo(24);
    assertThat(a.loopCount()).isZero();
    assertThat(a.width()).isEqualTo(14);
    assertThat(a.height()).isEqualTo(25);
    Set<Integer> colours = new HashSet<>();
    for (int i = 1; i <= 24; i++) {
      assertThat(a.delay(i)).isEqualTo(7);
    }
    for (RgbaImage f : frames(a)) {
      for (int c : f.copyArgb()) {
        colours.add(c);
      }
    }
    assertThat(colours).as("one palette of 16 for all frames").hasSizeLessThanOrEqualTo(16);
  }

  /** The PSNR printed is that of the mean squared error over all frames as a browser shows them. */
  @Test
  void thePsnrReportedIsOverAllComposedFrames() throws Exception {
    Path in = TestGifs.copyTo(TestGifs.PAN, dir);
    Path out = dir.resolve("out.gif");
    CliRun run = CliRun.of(in.toString(), "-k", "32", "-o", out.toString(), "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    Matcher m = Pattern.compile("\"psnr_db\":([0-9.]+)").matcher(run.out());
    assertThat(m.find()).as(run.out()).isTrue();
    assertThat(run.out()).contains("\"frames\":8");
    double reported = Double.parseDouble(m.group(1));
    List<RgbaImage> a = frames(read(in));
    List<RgbaImage> b = frames(read(out));
    assertThat(b).hasSize(a.size());
    double sum = 0;
    for (int f = 0; f < a.size(); f++) {
      int[] x = a.get(f).copyArgb();
      int[] y = b.get(f).copyArgb();
      double se = 0;
      for (int i = 0; i < x.length; i++) {
        for (int s = 0; s < 24; s += 8) {
          int d = (x[i] >>> s & 0xff) - (y[i] >>> s & 0xff);
          se += d * d;
        }
      }
      sum += se / (3.0 * x.length);
    }
    double psnr = 10 * Math.log10(255.0 * 255.0 / (sum / a.size()));
    assertThat(reported).isCloseTo(psnr, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void framePalettesFitEachFrameOnItsOwn() throws Exception {
    Path in = TestGifs.copyTo(TestGifs.PAN, dir);
    Path shared = dir.resolve("shared.gif");
    Path own = dir.resolve("own.gif");
    assertThat(CliRun.of(in.toString(), "-k", "8", "-o", shared.toString()).exitCode()).isZero();
    assertThat(CliRun.of(in.toString(), "-k", "8", "--frame-palettes", "-o", own.toString()).exitCode()).isZero();
    Set<Integer> all = new HashSet<>();
    for (RgbaImage f : frames(read(own))) {
      Set<Integer> mine = new HashSet<>();
      Arrays.stream(f.copyArgb()).forEach(mine::add);
      assertThat(mine).hasSizeLessThanOrEqualTo(8);
      all.addAll(mine);
    }
    assertThat(all).as("the frames' own palettes differ").hasSizeGreaterThan(8);
    Set<Integer> one = new HashSet<>();
    frames(read(shared)).forEach(f -> Arrays.stream(f.copyArgb()).forEach(one::add));
    assertThat(one).hasSizeLessThanOrEqualTo(8);
  }

  @Test
  void pngOutputIsRefusedNamingTheChoices() throws Exception {
    Path in = TestGifs.copyTo(TestGifs.TINY, dir);
    CliRun run = CliRun.of(in.toString(), "-k", "16");
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err().strip()).isEqualTo("squish: " + in + ": an animated GIF of 24 frames; write it as GIF (-o "
        + dir.resolve("no_time_for_that_tiny-squish.gif") + " or --format gif) or pick one frame with --frame N");
    assertThat(dir.resolve("no_time_for_that_tiny-squish.png")).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void frameTakesOneComposedFrameForAnyFormat() throws Exception {
    Path in = TestGifs.copyTo(TestGifs.PAN, dir);
    Path out = dir.resolve("f3.png");
    CliRun run = CliRun.of(in.toString(), "--frame", "3", "-k", "256", "-o", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    BufferedImage png = ImageIO.read(out.toFile());
    RgbaImage third = read(in).frame(3).image();
    assertThat(png.getWidth()).isEqualTo(48);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 48; x++) {
        assertThat(png.getRGB(x, y)).as("%d,%d", x, y).isEqualTo(third.argb(x, y)); // <= 256 colours: exact
      }
    }
    CliRun far = CliRun.of(in.toString(), "--frame", "99", "-o", dir.resolve("f99.png").toString());
    assertThat(far.exitCode()).isNotZero();
    assertThat(far.err().strip()).isEqualTo("squish: " + in + ": has 8 frames; --frame 99 is out of range (1-8)");
    assertThat(dir.resolve("f99.png")).doesNotExist();
  }

  @Test
  void aTruncatedLastFrameIsDroppedWithAWarningNamingIt() throws Exception {
    byte[] whole = TestGifs.bytes(TestGifs.TINY);
    Path in = dir.resolve("cut.gif");
    Files.write(in, Arrays.copyOf(whole, whole.length - 40));
    Path out = dir.resolve("out.gif");
    CliRun run = CliRun.of(in.toString(), "-k", "16", "-o", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).startsWith("squish: " + in + ": warning: frame 24 of 24 is truncated (")
        .contains("); 23 frames kept\n");
    assertThat(read(out).frameCount()).isEqualTo(23);
  }

  @Test
  void framesOutsideTheScreenAreClippedWithAWarning() throws Exception {
    byte[] gif = TestGifs.bytes(TestGifs.TINY);
    // frame 2 is 10x25 at 4,0 on the 14x25 screen; move it to 6,0
    byte[] at = {0x2C, 4, 0, 0, 0, 10, 0, 25, 0};
    int p = indexOf(gif, at);
    gif[p + 1] = 6;
    Path in = dir.resolve("outside.gif");
    Files.write(in, gif);
    Path out = dir.resolve("out.gif");
    CliRun run = CliRun.of(in.toString(), "-k", "16", "-o", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEqualTo("squish: " + in + ": warning: frame 2 (10x25 at 6,0) lies partly outside the"
        + " 14x25 screen; clipped to it, as browsers do\n");
    assertThat(read(out).frameCount()).isEqualTo(24);
  }

  @Test
  void zeroDelaysAreKeptAsWrittenWithANote() throws Exception {
    byte[] gif = TestGifs.bytes(TestGifs.TINY);
    for (int p = 0; p + 5 < gif.length; p++) {
      if (gif[p] == 0x21 && gif[p + 1] == (byte) 0xF9 && gif[p + 2] == 4) {
        gif[p + 4] = 0; // the delay's low byte: 7 cs becomes 0
      }
    }
    Path in = dir.resolve("fast.gif");
    Files.write(in, gif);
    Path out = dir.resolve("out.gif");
    CliRun run = CliRun.of(in.toString(), "-k", "16", "-o", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEqualTo("squish: " + in + ": warning: 24 of 24 frames have a delay of 0 (browsers show"
        + " them for 10 cs); kept as written\n");
    GifAnimation a = read(out);
    for (int i = 1; i <= 24; i++) {
      assertThat(a.delay(i)).isZero();
    }
  }

  @Test
  void theSameBytesWhateverTheJobs() throws Exception {
    Path one = Files.createDirectory(dir.resolve("one"));
    Path two = Files.createDirectory(dir.resolve("two"));
    for (Path d : List.of(one, two)) {
      TestGifs.copyTo(TestGifs.TINY, d);
      TestGifs.copyTo(TestGifs.PAN, d);
    }
    assertThat(CliRun.of(one.toString(), "--format", "gif", "--jobs", "1", "-k", "24").exitCode()).isZero();
    assertThat(CliRun.of(two.toString(), "--format", "gif", "--jobs", "2", "-k", "24").exitCode()).isZero();
    for (String name : List.of("no_time_for_that_tiny-squish.gif", "kodim07-pan-48x32-squish.gif")) {
      assertThat(Files.readAllBytes(two.resolve(name))).isEqualTo(Files.readAllBytes(one.resolve(name)));
    }
  }

  @Test
  void aQualityTargetIsRefusedForAnAnimation() throws Exception {
    Path in = TestGifs.copyTo(TestGifs.TINY, dir);
    CliRun run = CliRun.of(in.toString(), "--quality", "30-40", "-o", dir.resolve("q.gif").toString());
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err().strip()).isEqualTo("squish: " + in + ": an animated GIF of 24 frames; --quality and"
        + " --max-delta-e choose k for still images only: give -k, or pick one frame with --frame N");
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("pattern not found");
  }
}

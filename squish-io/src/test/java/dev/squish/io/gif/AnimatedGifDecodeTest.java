package dev.squish.io.gif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squish.image.RgbaImage;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.ImageDecodeException;
import dev.squish.io.decode.ImageDecodeException.Reason;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GIF frames are composed as a browser shows them: offsets, disposal, transparency, tables, interlace. */
class AnimatedGifDecodeTest {
  private static final int BLACK = 0x000000;
  private static final int RED = 0xff0000;
  private static final int GREEN = 0x00ff00;
  private static final int BLUE = 0x0000ff;
  private static final int[] RGB = {BLACK, RED, GREEN, BLUE};
  private static final int R = 0xffff0000;
  private static final int G = 0xff00ff00;
  private static final int B = 0xff0000ff;

  static GifAnimation read(byte[] gif) throws ImageDecodeException {
    return GifAnimation.read(gif, gif.length, DecodeLimits.defaults());
  }

  static List<GifAnimation.Frame> frames(GifAnimation a) {
    List<GifAnimation.Frame> all = new ArrayList<>();
    a.forEach(all::add);
    return all;
  }

  private static int[] argb(GifAnimation.Frame f) {
    return f.image().copyArgb();
  }

  @Test
  void disposalKeepLeavesEachFrameUnderTheNext() throws Exception {
    byte[] gif = new GifBytes(4, 4, RGB).control(1, 10, -1).frame(0, 0, 4, 4, GifBytes.fill(16, 1))
        .control(1, 10, -1).frame(1, 1, 2, 2, 2, 2, 2, 2)
        .control(1, 10, -1).frame(0, 0, 1, 1, 3).end().bytes();
    int[] last = argb(frames(read(gif)).get(2));
    assertThat(last).containsExactly(
        B, R, R, R,
        R, G, G, R,
        R, G, G, R,
        R, R, R, R);
  }

  @Test
  void disposalBackgroundClearsTheRectangleToTransparent() throws Exception {
    byte[] gif = new GifBytes(2, 2, RGB).control(1, 10, -1).frame(0, 0, 2, 2, 1, 1, 1, 1)
        .control(2, 10, -1).frame(0, 0, 1, 2, 2, 2)
        .control(1, 10, -1).frame(1, 1, 1, 1, 3).end().bytes();
    List<GifAnimation.Frame> f = frames(read(gif));
    assertThat(argb(f.get(1))).containsExactly(G, R, G, R);
    assertThat(argb(f.get(2))).containsExactly(0, R, 0, B); // the green column is gone, not the red one
    assertThat(f.get(1).disposal()).isEqualTo(GifAnimation.Disposal.BACKGROUND);
  }

  @Test
  void disposalPreviousRestoresWhatWasThereBefore() throws Exception {
    byte[] gif = new GifBytes(2, 2, RGB).control(1, 10, -1).frame(0, 0, 2, 2, 1, 1, 1, 1)
        .control(3, 10, -1).frame(0, 0, 2, 1, 2, 2)
        .control(1, 10, -1).frame(1, 1, 1, 1, 3).end().bytes();
    List<GifAnimation.Frame> f = frames(read(gif));
    assertThat(argb(f.get(1))).containsExactly(G, G, R, R);
    assertThat(argb(f.get(2))).containsExactly(R, R, R, B);
  }

  @Test
  void transparentPixelsLeaveWhatIsBelowThem() throws Exception {
    byte[] gif = new GifBytes(2, 2, RGB).control(1, 10, -1).frame(0, 0, 2, 2, 1, 1, 1, 1)
        .control(1, 10, 0).frame(0, 0, 2, 2, 0, 2, 0, 3).end().bytes();
    assertThat(argb(frames(read(gif)).get(1))).containsExactly(R, G, R, B);
  }

  @Test
  void aFirstFrameSmallerThanTheScreenLeavesTheRestTransparent() throws Exception {
    byte[] gif = new GifBytes(3, 1, RGB).frame(1, 0, 1, 1, 2).end().bytes();
    GifAnimation a = read(gif);
    assertThat(a.frameCount()).isEqualTo(1);
    assertThat(a.animated()).isFalse();
    assertThat(argb(frames(a).get(0))).containsExactly(0, G, 0);
  }

  @Test
  void aLocalTableReplacesTheGlobalOneForItsFrame() throws Exception {
    byte[] gif = new GifBytes(2, 1, RGB).frame(0, 0, 2, 1, 1, 1)
        .frame(0, 0, 2, 1, false, new int[] {0x123456, 0xabcdef}, 0, 1).end().bytes();
    assertThat(argb(frames(read(gif)).get(1))).containsExactly(0xff123456, 0xffabcdef);
  }

  @Test
  void interlacedRowsGoToTheirPassesRows() throws Exception {
    // stored order of 8 interlaced rows: 0, 4, 2, 6, 1, 3, 5, 7
    int[] palette = new int[8];
    for (int i = 0; i < 8; i++) {
      palette[i] = i * 0x101010;
    }
    byte[] gif = new GifBytes(1, 8, palette).frame(0, 0, 1, 8, true, null, 0, 4, 2, 6, 1, 3, 5, 7).end().bytes();
    int[] px = argb(frames(read(gif)).get(0));
    for (int y = 0; y < 8; y++) {
      assertThat(px[y]).as("row %d", y).isEqualTo(0xff000000 | y * 0x101010);
    }
  }

  @Test
  void framesOutsideTheScreenAreClippedWithOneWarning() throws Exception {
    byte[] gif = new GifBytes(2, 2, RGB).frame(0, 0, 2, 2, 1, 1, 1, 1)
        .frame(1, 1, 2, 2, 2, 2, 2, 2).frame(5, 5, 1, 1, 3).end().bytes();
    GifAnimation a = read(gif);
    assertThat(a.frameCount()).isEqualTo(3);
    assertThat(a.warnings()).containsExactly("2 frames, the first frame 2 (2x2 at 1,1) lie partly outside the 2x2"
        + " screen; clipped to it, as browsers do", "3 of 3 frames have a delay of 0 (browsers show them for 10 cs);"
        + " kept as written");
    List<GifAnimation.Frame> f = frames(a);
    assertThat(argb(f.get(1))).containsExactly(R, R, R, G);
    assertThat(argb(f.get(2))).containsExactly(R, R, R, G);
  }

  @ParameterizedTest(name = "cut {0} bytes before the end")
  @ValueSource(ints = {3, 8, 14})
  void aTruncatedLastFrameIsDroppedAndNamed(int cut) throws Exception {
    GifBytes b = new GifBytes(4, 4, RGB).loop(0);
    for (int i = 0; i < 3; i++) {
      b.control(1, 5, -1).frame(0, 0, 4, 4, GifBytes.fill(16, i + 1));
    }
    byte[] whole = b.bytes(); // no trailer: the last frame's data end the file
    byte[] gif = Arrays.copyOf(whole, whole.length - cut);
    GifAnimation a = read(gif);
    assertThat(a.frameCount()).isEqualTo(2);
    assertThat(a.warnings()).hasSize(1);
    assertThat(a.warnings().get(0)).startsWith("frame 3 of 3 is truncated (").endsWith("); 2 frames kept");
    assertThat(argb(frames(a).get(1))).containsOnly(G);
  }

  @Test
  void aGifCutInsideItsOnlyFrameIsRefused() throws Exception {
    byte[] whole = new GifBytes(4, 4, RGB).frame(0, 0, 4, 4, GifBytes.fill(16, 1)).bytes();
    byte[] gif = Arrays.copyOf(whole, whole.length - 3);
    assertThatThrownBy(() -> read(gif)).isInstanceOf(ImageDecodeException.class)
        .hasFieldOrPropertyWithValue("reason", Reason.CORRUPT)
        .hasMessageStartingWith("truncated GIF: frame 1 of 1 is truncated (");
  }

  @Test
  void delaysAndTheLoopCountAreReadAsWritten() throws Exception {
    byte[] gif = new GifBytes(1, 1, RGB).loop(3).control(1, 0, -1).frame(0, 0, 1, 1, 1)
        .control(1, 250, -1).frame(0, 0, 1, 1, 2).end().bytes();
    GifAnimation a = read(gif);
    assertThat(a.loopCount()).isEqualTo(3);
    assertThat(a.delay(1)).isZero();
    assertThat(a.delay(2)).isEqualTo(250);
    assertThat(a.warnings()).containsExactly("1 of 2 frames have a delay of 0 (browsers show them for 10 cs);"
        + " kept as written");
    byte[] once = new GifBytes(1, 1, RGB).frame(0, 0, 1, 1, 1).frame(0, 0, 1, 1, 2).end().bytes();
    assertThat(read(once).loopCount()).isEqualTo(-1);
  }

  @Test
  void tooManyFramesAreRefusedBeforeDecoding() {
    GifBytes b = new GifBytes(1, 1, RGB);
    for (int i = 0; i < 6; i++) {
      b.frame(0, 0, 1, 1, 1);
    }
    byte[] gif = b.end().bytes();
    assertThatThrownBy(() -> GifAnimation.read(gif, gif.length, new DecodeLimits(100, 5, 100)))
        .isInstanceOf(ImageDecodeException.class).hasFieldOrPropertyWithValue("reason", Reason.TOO_LARGE)
        .hasMessage("animated GIF of more than 5 frames, the limit");
  }

  @Test
  void aBombOfTinyFramesOnAHugeScreenIsRefused() {
    GifBytes b = new GifBytes(1000, 1000, RGB);
    for (int i = 0; i < 11; i++) {
      b.frame(0, 0, 1, 1, 1);
    }
    byte[] gif = b.end().bytes();
    assertThatThrownBy(() -> GifAnimation.read(gif, gif.length, new DecodeLimits(1_000_000, 100, 10_000_000)))
        .isInstanceOf(ImageDecodeException.class).hasFieldOrPropertyWithValue("reason", Reason.TOO_LARGE)
        .hasMessage("animated GIF of 11 or more frames of 1000x1000: more than the limit of 10000000 pixels in"
            + " all frames");
  }

  @ParameterizedTest
  @ValueSource(strings = {"no_time_for_that_tiny", "kodim07-pan-48x32"})
  void realAnimationsComposeAsPillowDoes(String name) throws Exception {
    byte[] gif = resource(name + ".gif");
    BufferedImage strip = ImageIO.read(new java.io.ByteArrayInputStream(resource(name + "-frames.png")));
    GifAnimation a = read(gif);
    assertThat(a.loopCount()).isZero();
    assertThat(strip.getHeight()).isEqualTo(a.height() * a.frameCount());
    List<GifAnimation.Frame> frames = frames(a);
    assertThat(frames).hasSize(a.frameCount());
    for (GifAnimation.Frame f : frames) {
      RgbaImage img = f.image();
      for (int y = 0; y < a.height(); y++) {
        for (int x = 0; x < a.width(); x++) {
          int expected = strip.getRGB(x, (f.number() - 1) * a.height() + y);
          int actual = img.argb(x, y);
          if ((expected >>> 24) == 0) {
            assertThat(actual >>> 24).as("frame %d at %d,%d", f.number(), x, y).isZero();
          } else {
            assertThat(actual).as("frame %d at %d,%d", f.number(), x, y).isEqualTo(expected);
          }
        }
      }
    }
  }

  @Test
  void theFrameAsked() throws Exception {
    GifAnimation a = read(resource("no_time_for_that_tiny.gif"));
    List<GifAnimation.Frame> all = frames(a);
    assertThat(a.frame(13).image().copyArgb()).isEqualTo(all.get(12).image().copyArgb());
    assertThat(a.frame(13).number()).isEqualTo(13);
    assertThat(a.frameCount()).isEqualTo(24);
    assertThat(a.delay(5)).isEqualTo(7);
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = AnimatedGifDecodeTest.class.getResourceAsStream("/dev/squish/testkit/gif/" + name)) {
      return in.readAllBytes();
    }
  }
}

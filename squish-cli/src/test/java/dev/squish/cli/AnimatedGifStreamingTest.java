package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.compress.CompressOptions;
import dev.squish.compress.PreparedImage;
import dev.squish.image.IndexedImage;
import dev.squish.image.RgbaImage;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.gif.GifAnimation;
import dev.squish.io.gif.GifWriter;
import dev.squish.quantize.Method;
import dev.squish.testkit.TestImages;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1,000-frame GIF is compressed in a child JVM whose heap could not hold its frames: 1,000
 * frames of 320×200 are 256 MB as pixels, the heap is 96 MB. Only streaming (a canvas or two at a
 * time, in both passes) gets through.
 */
class AnimatedGifStreamingTest {
  private static final int FRAMES = 1000;
  private static final int W = 320;
  private static final int H = 200;
  private static final String HEAP = "-Xmx96m";

  @TempDir
  Path dir;

  @Test
  void thousandFramesGoThroughAHeapTooSmallToHoldThem() throws Exception {
    assertThat((long) FRAMES * W * H * 4).as("all frames' pixels").isGreaterThan(2 * 96L << 20);
    Path in = dir.resolve("thousand.gif");
    writePan(in);
    Path out = dir.resolve("out.gif");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        "dev.squish.cli.Main", in.toString(), "-k", "32", "-o", out.toString())
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("finished").isTrue();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(said).isZero();
    assertThat(said).contains(", 1000 frames, 31 colours, ");
    byte[] b = Files.readAllBytes(out);
    GifAnimation back = GifAnimation.read(b, b.length, DecodeLimits.defaults());
    assertThat(back.frameCount()).isEqualTo(FRAMES);
    assertThat(back.delay(FRAMES)).isEqualTo(4);
  }

  /**
   * Frames of a photo quantized once to 64 colours, with a 40×40 window of another part of the photo
   * moving across it: every frame differs, but only a little, so the file stays small (about 2 MB)
   * while its frames' pixels are not.
   */
  private static void writePan(Path in) throws Exception {
    RgbaImage photo = TestImages.load(TestImages.CHELSEA, RgbaImage::of);
    IndexedImage q = PreparedImage.of(photo).compress(CompressOptions.of(Method.kMeans(64))).image();
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(in))) {
      GifWriter w = new GifWriter(os, W, H, 0);
      byte[] crop = new byte[W * H];
      for (int f = 0; f < FRAMES; f++) {
        int bx = f * 3 % (W - 40);
        int by = f / ((W - 40) / 3) * 17 % (H - 40);
        for (int y = 0; y < H; y++) {
          for (int x = 0; x < W; x++) {
            boolean window = x >= bx && x < bx + 40 && y >= by && y < by + 40;
            int sx = window ? x + 120 : x;
            int sy = window ? y + 90 : y;
            crop[y * W + x] = (byte) q.index(sy * q.width() + sx);
          }
        }
        w.add(IndexedImage.of(W, H, q.palette(), crop), 4);
      }
      w.finish();
    }
    assertThat(Files.size(in)).as("a file far smaller than the heap").isLessThan(8L << 20);
  }
}

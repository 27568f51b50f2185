package dev.squish.io.bombs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.DecodedImage;
import dev.squish.io.decode.ImageDecodeException;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.io.gif.GifAnimation;
import dev.squish.testkit.Bombs;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every compression bomb of {@link Bombs}, decoded with squish's default limits in the 256 MB JVM
 * of the "fuzz" surefire execution: each is refused, or decoded, with the one-line outcome written
 * here, within 30 s, and without an {@code OutOfMemoryError} escaping (the decoder either refuses
 * the size before allocating or turns a failed allocation into its one-line message).
 */
@Tag("bombs")
class BombsTest {
  private static final ImageDecoder DECODER = new ImageDecoder(DecodeLimits.defaults());

  static Stream<Arguments> bombs() {
    Map<String, String> expected = Map.ofEntries(
        Map.entry("png-idat-bomb.png", "not enough memory to decode this image"),
        Map.entry("png-huge-dimensions.png", "image is 1073741824x4 = 4294967296 pixels, more than the limit"),
        Map.entry("png-ztxt-bomb.png", "decoded 1x1"),
        Map.entry("png-iccp-bomb.png", "decoded 1x1 (its iCCP profile inflates to more than 8 MB; ignored"),
        Map.entry("gif-frame-bomb.gif", "pixels, more than the limit of 100000000"),
        Map.entry("gif-lzw-bomb.gif", "decoded 1000x1000 (it is an animated GIF of 120 frames"),
        Map.entry("gif-many-frames.gif", "decoded 2x2 (it is an animated GIF of 12000 frames"),
        Map.entry("tiff-strip-bomb.tif", "not enough memory to decode this image"),
        Map.entry("tiff-huge-strip.tif", "decoded 16x16"),
        Map.entry("webp-canvas-bomb.webp", "image is 16384x16384 = 268435456 pixels, more than the limit"),
        Map.entry("jpeg-sof-bomb.jpg", "image is 65500x65500 = 4290250000 pixels, more than the limit"),
        Map.entry("jpeg-sof-no-data.jpg", "refused: corrupt or truncated JPEG"));
    return Bombs.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue(),
        expected.getOrDefault(e.getKey(), "?")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bombs")
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void isRefusedOrDecodedWithinTheHeap(String name, byte[] bomb, String outcome) {
    String got = outcome(bomb);
    System.out.printf("%s (%d bytes): %s%n", name, bomb.length, got);
    assertThat(bomb.length).as("a bomb is a small file").isLessThan(1 << 20);
    assertThat(got).doesNotContain("\n").contains(outcome);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bombs")
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void gifBombsAreBoundedFrameByFrame(String name, byte[] bomb, String outcome) {
    if (!name.endsWith(".gif")) {
      return;
    }
    String got;
    try {
      GifAnimation a = GifAnimation.read(bomb, bomb.length, DecodeLimits.defaults());
      int[] frames = {0};
      a.forEach(f -> frames[0]++);
      got = "read " + frames[0] + " frames of " + a.width() + "x" + a.height();
    } catch (ImageDecodeException e) {
      got = "refused: " + e.getMessage();
    }
    System.out.printf("%s as an animation: %s%n", name, got);
    assertThat(got).doesNotContain("\n");
    switch (name) {
      case "gif-frame-bomb.gif" -> assertThat(got).startsWith("refused: frame 1 is 65535x65535");
      case "gif-many-frames.gif" -> assertThat(got).isEqualTo("refused: animated GIF of more than 10000 frames,"
          + " the limit");
      default -> assertThat(got).isEqualTo("read 120 frames of 1000x1000");
    }
  }

  private static String outcome(byte[] bomb) {
    try {
      DecodedImage d = DECODER.decode(bomb, bomb.length);
      String notes = d.warnings().isEmpty() ? "" : " (" + String.join("; ", d.warnings()) + ")";
      return "decoded " + d.image().width() + "x" + d.image().height() + notes;
    } catch (ImageDecodeException e) {
      return "refused: " + e.getMessage();
    }
  }
}

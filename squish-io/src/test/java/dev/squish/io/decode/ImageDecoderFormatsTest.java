package dev.squish.io.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.image.RgbaImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input format squish reads, each a 12×8 fixture made by Pillow from one known pattern
 * (see the generator comment in {@code formats/README.md}); expected pixels come from Pillow's
 * decoder for lossless files, or from the pattern itself (with a tolerance) for lossy files
 * and EXIF-rotated ones.
 */
class ImageDecoderFormatsTest {
  private static final ImageDecoder DECODER = new ImageDecoder(DecodeLimits.defaults());

  static Stream<Arguments> fixtures() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (InputStream in = ImageDecoderFormatsTest.class.getResourceAsStream("/dev/squish/io/formats/expected.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.trim().split(" ");
        int w = Integer.parseInt(f[1]);
        int h = Integer.parseInt(f[2]);
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
          px[i] = (int) Long.parseLong(f[3 + i], 16);
        }
        out.add(Arguments.of(f[0], w, h, px));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void decodesTheStoredSamples(String name, int w, int h, int[] expected) throws Exception {
    byte[] data;
    try (InputStream in = getClass().getResourceAsStream("/dev/squish/io/formats/" + name)) {
      data = in.readAllBytes();
    }
    RgbaImage image = DECODER.decode(data, data.length).image();
    assertThat(image.width()).as("width").isEqualTo(w);
    assertThat(image.height()).as("height").isEqualTo(h);
    // lossy files are compared with the source pattern. TwelveMonkeys' VP8 decoder upsamples
    // chroma more simply than libwebp: on this pattern, whose colour changes every pixel, it is
    // 4.2 per channel away from libwebp's decoding on average, hence the looser WebP bound
    boolean jpeg = name.endsWith(".jpg");
    boolean webp = name.equals("lossy.webp");
    int maxError = jpeg ? 40 : webp ? 48 : 0;
    double meanBound = jpeg ? 4 : webp ? 6 : 0;
    long sum = 0;
    for (int i = 0; i < expected.length; i++) {
      int a = image.argb(i);
      int b = expected[i];
      for (int s = 0; s < 32; s += 8) {
        int d = Math.abs(((a >>> s) & 0xFF) - ((b >>> s) & 0xFF));
        assertThat(d).as("%s pixel %d channel shift %d: got %08x, want %08x", name, i, s, a, b)
            .isLessThanOrEqualTo(maxError);
        sum += d;
      }
    }
    assertThat(sum / (4.0 * expected.length)).as("%s mean error", name).isLessThanOrEqualTo(meanBound);
  }
}

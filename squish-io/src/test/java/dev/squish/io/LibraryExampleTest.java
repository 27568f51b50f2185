package dev.squish.io;

import static org.assertj.core.api.Assertions.assertThat;
import dev.squish.compress.CompressOptions;
import dev.squish.compress.Compressed;
import dev.squish.compress.Dithering;
import dev.squish.compress.PreparedImage;
import dev.squish.image.RgbaImage;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.io.encode.ImageEncoder;
import dev.squish.io.encode.OutputFormat;
import dev.squish.io.encode.PngOptions;
import dev.squish.quantize.Method;
import dev.squish.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library example of README.md ("Use it as a library"): the lines between the markers below
 * must be in README's example as they are, so the example keeps compiling and working.
 */
class LibraryExampleTest {
  @Test
  void readmeExampleWritesAPalettePng(@TempDir Path dir) throws Exception {
    Path photo = TestImages.copyTo("skimage-chelsea.png", dir);
    Path png = dir.resolve("chelsea-64.png");

    // README begins
    RgbaImage image = new ImageDecoder(DecodeLimits.defaults()).decode(photo).image();
    PreparedImage prepared = PreparedImage.of(image); // the colour histogram, counted once
    for (int k : new int[] {16, 64}) {
      CompressOptions options = CompressOptions.builder(Method.em(k))
          .dithering(Dithering.floydSteinberg(1)).seed(7).build();
      Compressed result = prepared.compress(options);
      System.out.printf("k=%d: PSNR %.2f dB%n", result.k(), result.quality().psnr());
      Files.write(dir.resolve("chelsea-" + k + ".png"),
          ImageEncoder.encode(result.image(), OutputFormat.PNG, PngOptions.defaults()));
    }
    // README ends

    RgbaImage written = new ImageDecoder(DecodeLimits.defaults()).decode(png).image();
    assertThat(written.pixelCount()).isEqualTo(image.pixelCount());
    assertThat(prepared.measure(written).psnr()).isGreaterThan(30);
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes[25]).as("PNG colour type: palette").isEqualTo((byte) 3);
  }

  @Test
  void theReadmeShowsTheseLines() throws Exception {
    String source = Files.readString(Path.of("src/test/java/dev/squish/io/LibraryExampleTest.java"));
    String region = source.substring(source.indexOf("// README begins\n") + "// README begins\n".length(),
        source.indexOf("    // README ends"));
    String example = region.lines().map(l -> l.substring(4)).collect(Collectors.joining("\n", "", "\n"));
    String readme = Files.readString(Path.of("..", "README.md"));
    assertThat(readme).contains("```java\n").contains(example);
  }
}

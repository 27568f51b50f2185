package dev.squish.io.palette;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.histogram.ColorHistogram;
import dev.squish.image.Palette;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every format gives back what was written: the same colours in the same order, for many random palettes. */
class PaletteFilesRoundTripTest {
  /** What a format holds of alpha. */
  enum Alpha {
    /** Opaque colours only (GIMP). */
    NONE,
    /** Opaque colours and one fully transparent one at most (Adobe's table). */
    ONE_TRANSPARENT,
    /** Any alpha, one fully transparent colour at most (as squish counts colours). */
    ANY
  }

  static Stream<Arguments> formats() {
    return Stream.of(Arguments.of(".gpl", Alpha.NONE, 300), Arguments.of(".act", Alpha.ONE_TRANSPARENT, 300),
        Arguments.of(".hex", Alpha.ANY, 300), Arguments.of(".json", Alpha.ANY, 300),
        Arguments.of(".png", Alpha.ANY, 60));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void randomPalettesComeBackAsTheyWere(String ext, Alpha alpha, int count) throws PaletteFileException {
    SplittableRandom random = new SplittableRandom(ext.hashCode());
    for (int t = 0; t < count; t++) {
      // the sizes at the edges first, then any
      int size = t < 6 ? new int[] {1, 2, 16, 17, 255, 256}[t] : 1 + random.nextInt(256);
      Palette palette = randomPalette(random, size, t % 2 == 0 ? Alpha.NONE : alpha);
      byte[] bytes = PaletteFiles.bytes(palette, "p" + ext);
      assertThat(PaletteFiles.read(bytes, "p" + ext)).as("%s of %d colours", ext, size).isEqualTo(palette);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void aWrittenFileReadsBack(String ext, Alpha alpha, int count, @TempDir Path dir) throws Exception {
    Palette palette = randomPalette(new SplittableRandom(7), 40, alpha);
    Path file = dir.resolve("palette" + ext);
    Files.writeString(file, "an older file");
    PaletteFiles.write(palette, file);
    assertThat(PaletteFiles.read(file)).isEqualTo(palette);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  /** {@code size} distinct colours (as squish counts them: one fully transparent at most), with the alpha given. */
  static Palette randomPalette(SplittableRandom random, int size, Alpha alpha) {
    Set<Integer> seen = new HashSet<>();
    int[] colors = new int[size];
    for (int i = 0; i < size; i++) {
      int c;
      do {
        int a = switch (alpha) {
          case NONE -> 0xFF;
          case ONE_TRANSPARENT -> random.nextInt(8) == 0 ? 0 : 0xFF;
          case ANY -> new int[] {0, 0xFF, random.nextInt(256)}[random.nextInt(3)];
        };
        c = a << 24 | random.nextInt(1 << 24);
      } while (!seen.add(ColorHistogram.canonical(c)));
      colors[i] = c;
    }
    return Palette.of(colors);
  }
}

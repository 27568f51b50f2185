package dev.squish.bench;

import dev.squish.image.RgbaImage;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.testkit.TestImages;
import java.nio.file.Path;

/**
 * Images for the benchmarks: a committed test photo by name, or any file when the name is a
 * path (for the large corpus photos: {@code -p image=../shared/corpus/lomiri-Bridge.jpg}).
 */
final class BenchImages {
  private BenchImages() {}

  static RgbaImage load(String nameOrPath) throws Exception {
    if (TestImages.PHOTOS.contains(nameOrPath)) {
      return TestImages.load(nameOrPath, RgbaImage::of);
    }
    return new ImageDecoder(DecodeLimits.defaults()).decode(Path.of(nameOrPath)).image();
  }
}

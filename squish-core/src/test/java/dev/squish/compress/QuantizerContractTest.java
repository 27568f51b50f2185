package dev.squish.compress;

import static org.assertj.core.api.Assertions.assertThat;
import dev.squish.image.IndexedImage;
import dev.squish.image.Palette;
import dev.squish.image.RgbaImage;
import dev.squish.quantize.Assignment;
import dev.squish.quantize.Covariance;
import dev.squish.quantize.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every way of finding a palette promises, checked on each: k-means, EM with each covariance
 * shape, EM with k chosen by BIC, and the sampled preview (TwelveMonkeys' shared reader contract,
 * for quantizers).
 */
class QuantizerContractTest {

  /** One way of finding a palette for an image, at most {@code k} colours, with a seed. */
  @FunctionalInterface
  interface Quantizer {
    Compressed run(PreparedImage image, int k, long seed);
  }

  record Named(String name, Quantizer quantizer) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Named> quantizers() {
    return Stream.of(
        new Named("kmeans", (p, k, s) -> p.compress(options(Method.kMeans(k), s))),
        new Named("em full", (p, k, s) -> p.compress(options(em(k, Covariance.FULL), s))),
        new Named("em diag", (p, k, s) -> p.compress(options(em(k, Covariance.DIAG), s))),
        new Named("em spherical", (p, k, s) -> p.compress(options(em(k, Covariance.SPHERICAL), s))),
        new Named("em bic", (p, k, s) -> p.compress(options(Method.emAutoK(Math.max(1, k / 2), k), s))),
        new Named("preview", (p, k, s) -> p.preview(options(Method.kMeans(k), s))));
  }

  private static Method em(int k, Covariance covariance) {
    return new Method.Em(k, covariance, Assignment.NEAREST);
  }

  private static CompressOptions options(Method m, long seed) {
    return CompressOptions.builder(m).seed(seed).build();
  }

  /**
   * Smooth random blobs, like a photo's colours: 40,000 pixels and well over the preview's sample
   * in distinct colours, so the preview really samples.
   */
  static RgbaImage blobs(long seed, int w, int h) {
    SplittableRandom r = new SplittableRandom(seed);
    int[][] centres = new int[9][];
    for (int b = 0; b < centres.length; b++) {
      centres[b] = new int[] {r.nextInt(256), r.nextInt(256), r.nextInt(256), 6 + r.nextInt(24)};
    }
    int[] px = new int[w * h];
    for (int i = 0; i < px.length; i++) {
      int[] b = centres[r.nextInt(centres.length)];
      px[i] = 0xFF000000 | channel(b[0], b[3], r) << 16 | channel(b[1], b[3], r) << 8 | channel(b[2], b[3], r);
    }
    return RgbaImage.of(w, h, px);
  }

  private static int channel(int centre, int spread, SplittableRandom r) {
    return Math.max(0, Math.min(255, centre + (int) (r.nextGaussian() * spread)));
  }

  private static final PreparedImage BLOBS = PreparedImage.of(blobs(7, 250, 160));

  /**
   * Uniform noise: no clusters to find, so its k-means objective has many local optima and the
   * seed decides which one a fit ends in (well-separated blobs end in the same one from any seed).
   */
  private static final PreparedImage NOISE = PreparedImage.of(noise(8, 250, 160));

  static RgbaImage noise(long seed, int w, int h) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] px = new int[w * h];
    for (int i = 0; i < px.length; i++) {
      px[i] = 0xFF000000 | r.nextInt(1 << 24);
    }
    return RgbaImage.of(w, h, px);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quantizers")
  void atMostKColoursEachColourOnItsNearestEntry(Named q) {
    for (int k : new int[] {2, 7, 16}) {
      Compressed c = q.quantizer().run(BLOBS, k, 1);
      assertThat(c.preview()).as("sampled").isEqualTo(q.name().equals("preview"));
      Palette p = c.palette();
      assertThat(p.size()).as("k = %d", k).isBetween(1, k);
      IndexedImage out = c.image();
      RgbaImage in = BLOBS.image();
      for (int i = 0; i < in.pixelCount(); i += 7) {
        long nearest = Long.MAX_VALUE;
        for (int j = 0; j < p.size(); j++) {
          nearest = Math.min(nearest, distance2(in.argb(i), p.color(j)));
        }
        long assigned = distance2(in.argb(i), p.color(c.paletteIndexOf(in.argb(i))));
        assertThat(assigned).as("k = %d, colour of pixel %d", k, i).isEqualTo(nearest);
        // the pixel may continue its left neighbour's run instead, at most 10% farther away
        assertThat(distance2(in.argb(i), out.argb(i))).as("k = %d, pixel %d", k, i)
            .isLessThanOrEqualTo(nearest * 11 / 10);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quantizers")
  void kOfOneGivesOneColour(Named q) {
    Compressed c = q.quantizer().run(BLOBS, 1, 1);
    assertThat(c.palette().size()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quantizers")
  void losslessWhenKIsAtLeastTheNumberOfColours(Named q) {
    int[] colours = {0xFF000000, 0xFFFFFFFF, 0xFF102030, 0xFFC08040, 0xFF00FF00, 0xFF7F7F7F, 0xFF0000FF, 0xFFFF00FF};
    SplittableRandom r = new SplittableRandom(3);
    int[] px = new int[50 * 40];
    for (int i = 0; i < px.length; i++) {
      px[i] = colours[r.nextInt(colours.length)];
    }
    Compressed c = q.quantizer().run(PreparedImage.of(RgbaImage.of(50, 40, px)), 16, 1);
    assertThat(c.quality().lossless()).isTrue();
    assertThat(c.palette().size()).isEqualTo(colours.length);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quantizers")
  void theSameSeedRepeatsThePaletteAndAnotherCanChangeIt(Named q) {
    // k above 64: one seeding and no random swaps, so nothing hides the seed's choice
    Palette first = q.quantizer().run(NOISE, 100, 1).palette();
    assertThat(q.quantizer().run(NOISE, 100, 1).palette()).isEqualTo(first);
    Set<Palette> others = new HashSet<>();
    for (long seed = 2; seed <= 3; seed++) {
      others.add(q.quantizer().run(NOISE, 100, seed).palette());
    }
    others.remove(first);
    assertThat(others).as("palettes of seeds 2 and 3 that differ from seed 1's").isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quantizers")
  void identicalOnOneAndOnTwoThreads(Named q) throws Exception {
    byte[][] results = new byte[2][];
    for (int threads = 1; threads <= 2; threads++) {
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        // a fresh preparation on each pool: the histogram and working colours are made there too
        results[threads - 1] = pool.submit(() -> q.quantizer().run(PreparedImage.of(BLOBS.image()), 16, 1)
            .image().copyIndices()).get();
      } finally {
        pool.shutdown();
      }
    }
    assertThat(results[0]).isEqualTo(results[1]);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quantizers")
  void theFullyTransparentColourKeepsItsEntry(Named q) {
    // large enough that the preview really samples, and so adds the transparent share to its sample
    SplittableRandom r = new SplittableRandom(5);
    RgbaImage opaque = blobs(11, 360, 300);
    int[] px = opaque.copyArgb();
    for (int i = 0; i < px.length; i++) {
      if (i % 360 < 120) {
        px[i] = r.nextInt(1 << 24); // alpha 0, a colour hidden under it
      }
    }
    RgbaImage image = RgbaImage.of(360, 300, px);
    Compressed c = q.quantizer().run(PreparedImage.of(image), 6, 1);
    assertThat(c.preview()).as("sampled").isEqualTo(q.name().equals("preview"));
    int transparent = -1;
    for (int j = 0; j < c.palette().size(); j++) {
      if (c.palette().color(j) >>> 24 == 0) {
        transparent = j;
      }
    }
    assertThat(transparent).as("an entry of alpha 0").isNotNegative();
    for (int i = 0; i < px.length; i++) {
      if (px[i] >>> 24 == 0) {
        assertThat(c.image().index(i)).isEqualTo(transparent);
      } else {
        assertThat(c.image().argb(i) >>> 24).as("opaque pixel %d", i).isEqualTo(255);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quantizers")
  void degenerateImages(Named q) {
    Compressed one = q.quantizer().run(PreparedImage.of(RgbaImage.of(7, 5, filled(35, 0xFF336699))), 4, 1);
    assertThat(one.palette().colors()).containsExactly(0xFF336699);
    assertThat(one.quality().lossless()).isTrue();

    int[] two = filled(40, 0xFF000000);
    for (int i = 0; i < 10; i++) {
      two[i] = 0xFFFFFFFF;
    }
    PreparedImage pair = PreparedImage.of(RgbaImage.of(8, 5, two));
    assertThat(q.quantizer().run(pair, 2, 1).quality().lossless()).isTrue();
    assertThat(q.quantizer().run(pair, 1, 1).palette().size()).isEqualTo(1);

    Compressed pixel = q.quantizer().run(PreparedImage.of(RgbaImage.of(1, 1, new int[] {0xFFABCDEF})), 16, 1);
    assertThat(pixel.palette().colors()).containsExactly(0xFFABCDEF);

    Compressed clear = q.quantizer().run(PreparedImage.of(RgbaImage.of(6, 6, filled(36, 0x00204060))), 8, 1);
    assertThat(clear.palette().colors()).containsExactly(0x00204060);
    assertThat(clear.quality().lossless()).isTrue();
  }

  private static int[] filled(int n, int argb) {
    int[] px = new int[n];
    java.util.Arrays.fill(px, argb);
    return px;
  }

  /** Squared distance in sRGB, premultiplied by alpha, the error the quantizers minimize there. */
  private static long distance2(int a, int b) {
    long s = 0;
    for (int shift : List.of(16, 8, 0)) {
      long d = ((a >>> shift) & 0xFF) * (long) (a >>> 24) - ((b >>> shift) & 0xFF) * (long) (b >>> 24);
      s += d * d;
    }
    return s;
  }
}

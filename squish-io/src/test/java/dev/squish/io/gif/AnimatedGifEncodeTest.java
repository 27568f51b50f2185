package dev.squish.io.gif;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.compress.CompressOptions;
import dev.squish.compress.PaletteFit;
import dev.squish.compress.PreparedImage;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.IndexedImage;
import dev.squish.image.Palette;
import dev.squish.image.RgbaImage;
import dev.squish.quantize.Method;
import dev.squish.testkit.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@link GifWriter} writes decodes to exactly the frames it was given, with their delays and loop count. */
class AnimatedGifEncodeTest {

  /** What a viewer shows of a palette image: transparent entries as 0, the others opaque. */
  static int[] shown(IndexedImage image) {
    int[] s = new int[image.pixelCount()];
    for (int i = 0; i < s.length; i++) {
      int c = image.argb(i);
      s[i] = (c >>> 24) == 0 ? 0 : 0xff000000 | c;
    }
    return s;
  }

  static int[] shown(RgbaImage image) {
    int[] s = image.copyArgb();
    for (int i = 0; i < s.length; i++) {
      s[i] = (s[i] >>> 24) == 0 ? 0 : s[i];
    }
    return s;
  }

  @Test
  void aRealAnimationRemappedToOnePaletteComesBackFrameForFrame() throws Exception {
    GifAnimation source = AnimatedGifDecodeTest.read(AnimatedGifDecodeTest.resource("kodim07-pan-48x32.gif"));
    List<RgbaImage> frames = new ArrayList<>();
    source.forEach(f -> frames.add(f.image()));
    ColorHistogram all = ColorHistogram.sum(frames.stream().map(ColorHistogram::of).toList());
    Palette palette = PaletteFit.of(all, CompressOptions.of(Method.kMeans(31))).palette();
    List<IndexedImage> remapped = new ArrayList<>();
    for (RgbaImage f : frames) {
      remapped.add(PreparedImage.of(f).compress(CompressOptions.of(Method.given(palette))).image());
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GifWriter w = new GifWriter(bytes, source.width(), source.height(), source.loopCount());
    for (int i = 0; i < remapped.size(); i++) {
      w.add(remapped.get(i), source.delay(i + 1));
    }
    w.finish();
    GifAnimation back = AnimatedGifDecodeTest.read(bytes.toByteArray());
    assertThat(back.frameCount()).isEqualTo(8);
    assertThat(back.loopCount()).isZero();
    assertThat(back.warnings()).isEmpty();
    List<GifAnimation.Frame> got = AnimatedGifDecodeTest.frames(back);
    for (int i = 0; i < 8; i++) {
      assertThat(shown(got.get(i).image())).as("frame %d", i + 1).isEqualTo(shown(remapped.get(i)));
      assertThat(got.get(i).delay()).isEqualTo(8);
    }
    assertThat(bytes.size()).as("one 31-colour palette, frames as rectangles of change").isLessThan(
        AnimatedGifDecodeTest.resource("kodim07-pan-48x32.gif").length);
  }

  static LongStream seeds() {
    return LongStream.range(1, 41);
  }

  /** Random frames of few colours, some transparent, with local palettes now and then: every one comes back. */
  @ParameterizedTest
  @MethodSource("seeds")
  void randomFramesComeBackExactly(long seed) throws Exception {
    Random rnd = new Random(seed);
    int w = 1 + rnd.nextInt(12);
    int h = 1 + rnd.nextInt(12);
    Palette shared = randomPalette(rnd);
    List<IndexedImage> frames = new ArrayList<>();
    byte[] indices = new byte[w * h];
    for (int f = 0; f < 1 + rnd.nextInt(8); f++) {
      Palette p = rnd.nextInt(4) == 0 ? randomPalette(rnd) : shared;
      int changes = rnd.nextInt(w * h + 1);
      for (int c = 0; c < changes; c++) {
        indices[rnd.nextInt(indices.length)] = (byte) rnd.nextInt(p.size());
      }
      for (int i = 0; i < indices.length; i++) {
        indices[i] = (byte) Math.min(indices[i] & 0xff, p.size() - 1);
      }
      frames.add(IndexedImage.of(w, h, p, indices.clone()));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GifWriter writer = new GifWriter(bytes, w, h, rnd.nextInt(3) - 1);
    for (int i = 0; i < frames.size(); i++) {
      writer.add(frames.get(i), i * 3);
    }
    writer.finish();
    List<GifAnimation.Frame> got = AnimatedGifDecodeTest.frames(AnimatedGifDecodeTest.read(bytes.toByteArray()));
    assertThat(got).hasSize(frames.size());
    for (int i = 0; i < frames.size(); i++) {
      assertThat(shown(got.get(i).image())).as("seed %d frame %d", seed, i + 1).isEqualTo(shown(frames.get(i)));
      assertThat(got.get(i).delay()).isEqualTo(i * 3);
    }
  }

  private static Palette randomPalette(Random rnd) {
    int n = 1 + rnd.nextInt(rnd.nextBoolean() ? 5 : 256);
    int[] c = new int[n];
    for (int i = 0; i < n; i++) {
      c[i] = rnd.nextInt(5) == 0 ? 0 : 0xff000000 | rnd.nextInt(1 << 24);
    }
    return Palette.of(java.util.Arrays.stream(c).distinct().toArray());
  }

  @Test
  void aFrameWithOneChangedPixelIsWrittenAsThatPixel() throws Exception {
    Palette p = Palette.of(0xff000000, 0xffffffff, 0xffff0000);
    byte[] a = new byte[40 * 30];
    byte[] b = a.clone();
    b[17 * 40 + 23] = 2;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GifWriter w = new GifWriter(bytes, 40, 30, 0);
    w.add(IndexedImage.of(40, 30, p, a), 10);
    w.add(IndexedImage.of(40, 30, p, b), 10);
    w.finish();
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      reader.setInput(in);
      assertThat(reader.getNumImages(true)).isEqualTo(2);
      assertThat(reader.getWidth(1)).isEqualTo(1);
      assertThat(reader.getHeight(1)).isEqualTo(1);
    } finally {
      reader.dispose();
    }
  }

  @Test
  void aFrameUsingOnlyTheFirstEntriesIsCodedWithTheLeastCodeSizeAndDecodesElsewhereToo() throws Exception {
    int[] colors = new int[64];
    for (int i = 0; i < colors.length; i++) {
      colors[i] = 0xff000000 | i * 0x030507;
    }
    Palette p = Palette.of(colors);
    byte[] a = new byte[40 * 30];
    java.util.Arrays.fill(a, (byte) 63);
    byte[] b = new byte[a.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (i * 7 % 3); // every pixel changes, to indices 0..2 only
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GifWriter w = new GifWriter(bytes, 40, 30, 0);
    w.add(IndexedImage.of(40, 30, p, a), 10);
    w.add(IndexedImage.of(40, 30, p, b), 10);
    w.finish();
    byte[] gif = bytes.toByteArray();
    int second = -1;
    for (int i = gif.length - 11; i > 0 && second < 0; i--) {
      // the last image descriptor: 0x2C, then x, y, w, h of the whole 40x30 frame, no local table
      if (gif[i] == 0x2C && gif[i + 5] == 40 && gif[i + 7] == 30 && gif[i + 9] == 0) {
        second = i;
      }
    }
    assertThat(second).isPositive();
    assertThat(gif[second + 10]).as("LZW minimum code size").isEqualTo((byte) 2);
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
      reader.setInput(in);
      BufferedImage frame = reader.read(1);
      for (int i = 0; i < b.length; i++) {
        assertThat(frame.getRGB(i % 40, i / 40)).isEqualTo(colors[b[i]]);
      }
    } finally {
      reader.dispose();
    }
  }

  @Test
  void unchangedPixelsInsideTheRectangleBecomeTransparentWhenThatIsSmaller() throws Exception {
    // a noisy photo frame, then the same frame with its two corners changed: the rectangle is the whole frame,
    // and all but two of its pixels are as before
    RgbaImage photo = TestImages.load(TestImages.BABOON, RgbaImage::of);
    IndexedImage first = PreparedImage.of(photo).compress(CompressOptions.of(Method.kMeans(15))).image();
    byte[] idx = first.copyIndices();
    idx[0] = (byte) ((idx[0] + 1) % 15);
    idx[idx.length - 1] = (byte) ((idx[idx.length - 1] + 1) % 15);
    IndexedImage second = IndexedImage.of(first.width(), first.height(), first.palette(), idx);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GifWriter w = new GifWriter(bytes, first.width(), first.height(), 0);
    w.add(first, 10);
    w.add(second, 10);
    w.finish();
    int stillBytes = GifWriter.still(first).length;
    assertThat(bytes.size()).as("the second frame costs far less than the first").isLessThan(stillBytes + 3000);
    List<GifAnimation.Frame> got = AnimatedGifDecodeTest.frames(AnimatedGifDecodeTest.read(bytes.toByteArray()));
    assertThat(shown(got.get(1).image())).isEqualTo(shown(second));
  }

  @ParameterizedTest
  @MethodSource("photos")
  void aStillReadsBackInTheJdkAndIsNoLargerThanTheJdkWriters(String photo) throws Exception {
    IndexedImage image = PreparedImage.of(TestImages.load(photo, RgbaImage::of))
        .compress(CompressOptions.of(Method.kMeans(64))).image();
    byte[] ours = GifWriter.still(image);
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(ours));
    for (int i = 0; i < image.pixelCount(); i++) {
      int x = i % image.width();
      int y = i / image.width();
      assertThat(back.getRGB(x, y)).isEqualTo(0xff000000 | image.argb(i));
    }
    assertThat(ours.length).isLessThanOrEqualTo(jdkGif(image).length);
  }

  /** The image written by the JDK's GIF writer, which squish used before its own. */
  private static byte[] jdkGif(IndexedImage image) throws Exception {
    int n = image.palette().size();
    int size = Math.max(2, Integer.highestOneBit(n - 1) << 1);
    byte[] r = new byte[size];
    byte[] g = new byte[size];
    byte[] b = new byte[size];
    for (int i = 0; i < n; i++) {
      int c = image.palette().color(i);
      r[i] = (byte) (c >>> 16);
      g[i] = (byte) (c >>> 8);
      b[i] = (byte) c;
    }
    java.awt.image.IndexColorModel icm = new java.awt.image.IndexColorModel(Integer.numberOfTrailingZeros(size),
        size, r, g, b);
    BufferedImage bi = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_INDEXED, icm);
    byte[] dst = ((java.awt.image.DataBufferByte) bi.getRaster().getDataBuffer()).getData();
    System.arraycopy(image.copyIndices(), 0, dst, 0, dst.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(bi, "gif", out);
    return out.toByteArray();
  }

  static List<String> photos() {
    return TestImages.PHOTOS;
  }
}

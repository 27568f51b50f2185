package dev.squish.io.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.squish.compress.CompressOptions;
import dev.squish.compress.Compressed;
import dev.squish.compress.PreparedImage;
import dev.squish.image.IndexedImage;
import dev.squish.image.Palette;
import dev.squish.image.RgbaImage;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.DecodedImage;
import dev.squish.io.decode.ImageDecodeException;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.io.encode.ImageEncoder;
import dev.squish.io.encode.OutputFormat;
import dev.squish.io.encode.PngOptions;
import dev.squish.io.gif.GifAnimation;
import dev.squish.io.gif.GifWriter;
import dev.squish.quantize.Method;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the whole path: decode → compress (k-means or EM, k of 2 to 8, the fuzzer's choice) →
 * encode (palette PNG, still GIF, or a two-frame animated GIF) → decode again. When the bytes are
 * no image, they are taken as raw pixels, so that compressing and encoding are fuzzed all the same.
 * Invariants: the output decodes, to the input's size, and every pixel is a palette colour (exactly
 * for PNG; for GIF, which has no partial alpha, the opaque colour or transparent).
 */
class RoundTripFuzzTest {
  /** Small images only: the path is fuzzed, not the speed of k-means on large ones. */
  private static final DecodeLimits SMALL = new DecodeLimits(16_384);

  private static final ImageDecoder DECODER = new ImageDecoder(SMALL);
  private static final ImageDecoder BACK = new ImageDecoder(DecodeLimits.defaults());

  @FuzzTest(maxDuration = "10s", maxExecutions = 500)
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // the whole fuzzing run (at most 10 s); one input: FuzzChecks.bounded
  void compressesAndRoundTrips(FuzzedDataProvider data) {
    FuzzChecks.bounded(data.remainingBytes(), () -> fuzzerTestOneInput(data));
  }

  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    boolean em = data.consumeBoolean();
    int k = data.consumeInt(2, 8);
    int output = data.consumeInt(0, 2); // PNG, GIF, animated GIF
    long seed = data.consumeLong();
    byte[] bytes = data.consumeRemainingAsBytes();
    RgbaImage image = image(bytes);
    if (image == null) {
      return;
    }
    CompressOptions options = CompressOptions.builder(em ? Method.em(k) : Method.kMeans(k)).seed(seed).build();
    Compressed c = PreparedImage.of(image).compress(options);
    IndexedImage indexed = c.image();
    if (indexed.width() != image.width() || indexed.height() != image.height()) {
      throw new AssertionError("compressed to " + indexed.width() + "x" + indexed.height() + " from "
          + image.width() + "x" + image.height());
    }
    if (c.palette().size() > k) {
      throw new AssertionError("a palette of " + c.palette().size() + " colours for k = " + k);
    }
    switch (output) {
      case 0 -> checkPng(indexed);
      case 1 -> checkGif(indexed, ImageEncoder.encode(indexed, OutputFormat.GIF, PngOptions.fast()), 1);
      default -> checkGif(indexed, animated(indexed), 2);
    }
  }

  /** The decoded image, or the bytes as RGBA pixels of a width the first byte gives. */
  private static RgbaImage image(byte[] bytes) {
    DecodedImage d = null;
    try {
      d = DECODER.decode(bytes, bytes.length);
    } catch (ImageDecodeException e) {
      FuzzChecks.allowed(e, bytes.length);
    } catch (IllegalArgumentException e) {
      // decode(byte[], 0) of an empty array is refused as EMPTY; nothing else may throw this
      throw new AssertionError(e);
    }
    if (d != null) {
      return d.image();
    }
    int pixels = Math.min((bytes.length - 1) / 4, 4096);
    if (pixels < 1) {
      return null;
    }
    int width = 1 + (bytes[0] & 0xFF) % Math.min(pixels, 64);
    int height = pixels / width;
    int[] argb = new int[width * height];
    for (int i = 0; i < argb.length; i++) {
      int p = 1 + 4 * i;
      argb[i] = (bytes[p] & 0xFF) << 24 | (bytes[p + 1] & 0xFF) << 16 | (bytes[p + 2] & 0xFF) << 8
          | bytes[p + 3] & 0xFF;
    }
    return RgbaImage.of(width, height, argb);
  }

  private static void checkPng(IndexedImage indexed) {
    RgbaImage back = decodeBack(ImageEncoder.encode(indexed, OutputFormat.PNG, PngOptions.fast()));
    sameSize(indexed, back.width(), back.height());
    for (int i = 0; i < indexed.pixelCount(); i++) {
      if (back.argb(i) != indexed.argb(i)) {
        throw new AssertionError("PNG pixel " + i + " came back as " + Integer.toHexString(back.argb(i))
            + ", written as " + Integer.toHexString(indexed.argb(i)));
      }
    }
  }

  private static void checkGif(IndexedImage indexed, byte[] gif, int frames) {
    GifAnimation a;
    try {
      a = GifAnimation.read(gif, gif.length, DecodeLimits.defaults());
    } catch (ImageDecodeException e) {
      throw new AssertionError("squish cannot read back its own GIF: " + e.getMessage(), e);
    }
    sameSize(indexed, a.width(), a.height());
    if (a.frameCount() != frames) {
      throw new AssertionError("wrote " + frames + " frames, read " + a.frameCount());
    }
    Set<Integer> shown = new HashSet<>();
    Palette p = indexed.palette();
    for (int i = 0; i < p.size(); i++) {
      int c = p.color(i);
      shown.add(c >>> 24 == 0 ? 0 : c | 0xFF000000);
    }
    a.forEach(frame -> {
      for (int i = 0; i < frame.image().pixelCount(); i++) {
        int c = frame.image().argb(i);
        int expected = indexed.argb(i) >>> 24 == 0 ? 0 : indexed.argb(i) | 0xFF000000;
        if ((c >>> 24 == 0 ? 0 : c) != expected || !shown.contains(expected)) {
          throw new AssertionError("GIF frame " + frame.number() + " pixel " + i + " is " + Integer.toHexString(c)
              + ", written as " + Integer.toHexString(indexed.argb(i)));
        }
      }
    });
    // the ImageIO path of the decoder reads the first frame the same way
    RgbaImage first = decodeBack(gif);
    sameSize(indexed, first.width(), first.height());
  }

  private static byte[] animated(IndexedImage indexed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      GifWriter w = new GifWriter(out, indexed.width(), indexed.height(), 0);
      w.add(indexed, 5);
      w.add(indexed, 7);
      w.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static RgbaImage decodeBack(byte[] encoded) {
    try {
      return BACK.decode(encoded, encoded.length).image();
    } catch (ImageDecodeException e) {
      throw new AssertionError("squish cannot decode its own output: " + e.getMessage(), e);
    }
  }

  private static void sameSize(IndexedImage indexed, int w, int h) {
    if (w != indexed.width() || h != indexed.height()) {
      throw new AssertionError("wrote " + indexed.width() + "x" + indexed.height() + ", read " + w + "x" + h);
    }
  }
}

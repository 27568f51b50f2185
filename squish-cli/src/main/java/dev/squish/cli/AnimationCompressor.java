package dev.squish.cli;

import dev.squish.compress.AnimationPalette;
import dev.squish.compress.CompressOptions;
import dev.squish.compress.Compressed;
import dev.squish.compress.FrameRemap;
import dev.squish.compress.PaletteFit;
import dev.squish.compress.PreparedImage;
import dev.squish.compress.Quality;
import dev.squish.image.IndexedImage;
import dev.squish.io.gif.GifAnimation;
import dev.squish.io.gif.GifWriter;
import dev.squish.quantize.FitReport;
import dev.squish.quantize.Method;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Compresses an animated GIF into an animated GIF, streaming: the frames are composed one at a
 * time, twice (once to add up their colours, once to remap and write them), so that only a frame
 * or two is ever held. The palettes, remaps and quality are the core's ({@link AnimationPalette},
 * {@link FrameRemap}, {@link Quality#over}); this only carries frames from the reader to the writer.
 * With {@code --frame-palettes} each frame is fitted on its own.
 */
final class AnimationCompressor {
  private AnimationCompressor() {}

  /**
   * What came out.
   *
   * @param encoded the GIF's bytes
   * @param colors the palette entries of the largest palette used
   * @param k the palette size fitted
   * @param quality over all frames
   * @param fit how the (first) palette was found
   * @param palette the palette every frame shares; null with a palette per frame
   */
  record Result(byte[] encoded, int colors, int k, Quality quality, FitReport fit, dev.squish.image.Palette palette) {}

  static Result compress(GifAnimation animation, CompressOptions options, boolean framePalettes) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GifWriter writer = new GifWriter(bytes, animation.width(), animation.height(), animation.loopCount());
    List<Quality> qualities = new ArrayList<>();
    int[] colors = {0};
    FitReport[] fit = {null};
    dev.squish.image.Palette palette = null;
    int k;
    if (framePalettes) {
      k = options.method().k();
      animation.forEach(frame -> {
        Compressed c = AnimationPalette.compressAlone(PreparedImage.of(frame.image()), options);
        qualities.add(c.quality());
        colors[0] = Math.max(colors[0], c.image().palette().size());
        if (fit[0] == null) {
          fit[0] = c.fit();
        }
        write(writer, c.image(), frame.delay());
      });
    } else {
      AnimationPalette[] colours = {AnimationPalette.empty()};
      animation.forEach(frame -> colours[0] = colours[0].with(frame.image()));
      PaletteFit shared = colours[0].fit(options);
      colours[0] = null; // the sum of the histograms is not needed while writing
      k = options.method() instanceof Method.EmAutoK ? shared.k() : options.method().k();
      fit[0] = shared.fit();
      palette = shared.palette();
      FrameRemap[] remap = {FrameRemap.first(shared, options)};
      animation.forEach(frame -> {
        FrameRemap.Frame f = remap[0].remap(frame.image());
        remap[0] = f.next();
        qualities.add(f.quality());
        colors[0] = Math.max(colors[0], f.remapped().image().palette().size());
        write(writer, f.image(), frame.delay());
      });
    }
    try {
      writer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(bytes.toByteArray(), colors[0], k, Quality.over(qualities), fit[0], palette);
  }

  private static void write(GifWriter writer, IndexedImage frame, int delay) {
    try {
      writer.add(frame, delay);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
  }
}

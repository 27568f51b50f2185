package dev.squish.compress;

import dev.squish.cluster.Quantization;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.Palette;
import dev.squish.quantize.FitReport;
import dev.squish.quantize.Method;
import dev.squish.quantize.kmeans.KMeansSession;
import java.util.Objects;

/**
 * A palette fitted to a histogram rather than to one image: with {@link ColorHistogram#sum}, one
 * palette for a set of sprites, map tiles or the frames of an animation. Each image is then
 * remapped to it with {@link Method#given}:
 *
 * <pre>{@code
 * List<PreparedImage> frames = ...;
 * ColorHistogram all = ColorHistogram.sum(frames.stream().map(PreparedImage::histogram).toList());
 * PaletteFit shared = PaletteFit.of(all, CompressOptions.of(Method.kMeans(64)));
 * CompressOptions remap = CompressOptions.of(Method.given(shared.palette()));
 * for (PreparedImage frame : frames) {
 *   Compressed c = frame.compress(remap);   // every frame in the same 64 colours
 * }
 * }</pre>
 *
 * @param palette the fitted palette, in the order the method produced it
 * @param k the palette size asked for (chosen by the method for {@link Method.EmAutoK})
 * @param fit how the palette was found
 */
public record PaletteFit(Palette palette, int k, FitReport fit) {
  /**
   * Checks that the parts are there.
   *
   * @param palette not null
   * @param k the palette size
   * @param fit not null
   */
  public PaletteFit {
    Objects.requireNonNull(palette, "palette");
    Objects.requireNonNull(fit, "fit");
  }

  /**
   * {@return the palette that the method of {@code options} fits to {@code histogram}}: the same
   * palette {@link PreparedImage#compress} would fit to an image with that histogram, its fully
   * transparent entry carrying the histogram's {@link ColorHistogram#hiddenColor()}. The method,
   * colour space, speed and seed of {@code options} are used; the dithering and the measures
   * belong to each image's remap. The kept colours of {@code options} appear exactly.
   *
   * @param histogram the colours, for example of many images added up
   * @param options how to fit
   */
  public static PaletteFit of(ColorHistogram histogram, CompressOptions options) {
    Objects.requireNonNull(histogram, "histogram");
    Method method = options.method();
    Quantization q = Quantizers.quantize(new KMeansSession(histogram, options.space()), method, options.speed(),
        options.seed(), false, options.kSearchListener(), Quantizers.pins(options));
    if (!(method instanceof Method.Given)) {
      q = Pipeline.withHiddenColor(q, histogram.hiddenColor());
    }
    return new PaletteFit(q.palette(), Quantizers.k(method, q), q.report());
  }
}

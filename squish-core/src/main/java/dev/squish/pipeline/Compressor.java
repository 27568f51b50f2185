package dev.squish.pipeline;

import dev.squish.histogram.ColorHistogram;
import dev.squish.image.RgbaImage;
import dev.squish.mapping.IndexedImage;
import dev.squish.mapping.PaletteMapper;
import dev.squish.metrics.ErrorMetrics;
import dev.squish.metrics.QualityReport;
import dev.squish.quantize.Palette;
import dev.squish.quantize.Quantization;
import dev.squish.quantize.Quantizer;
import dev.squish.quantize.kmeans.KMeansConfig;
import dev.squish.quantize.kmeans.KMeansQuantizer;
import java.util.Objects;

/**
 * The pipeline between decoded pixels and an indexed image: histogram, quantize, remap,
 * measure. Stateless and thread-safe; every call is independent.
 *
 * <pre>{@code
 * Compressed c = Compressor.compress(image, CompressionOptions.kmeans(16));
 * c.image();           // palette + indices, ready for an encoder
 * c.quality().psnr();  // dB
 * }</pre>
 */
public final class Compressor {
  private Compressor() {}

  /** Runs the whole pipeline on {@code image}. */
  public static Compressed compress(RgbaImage image, CompressionOptions options) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(options, "options");
    ColorHistogram histogram = ColorHistogram.of(image);
    Quantization quantization = withHiddenColor(quantizer(options).quantize(histogram), histogram.hiddenColor());
    IndexedImage indexed = PaletteMapper.remap(image, histogram, quantization);
    QualityReport quality = ErrorMetrics.compare(image, indexed);
    return new Compressed(indexed, quantization, histogram, quality);
  }

  /** Gives fully transparent palette entries the colour hidden under the transparent pixels. */
  static Quantization withHiddenColor(Quantization q, int hiddenColor) {
    int[] colors = q.palette().colors();
    boolean changed = false;
    for (int i = 0; i < colors.length; i++) {
      if ((colors[i] >>> 24) == 0 && colors[i] != hiddenColor) {
        colors[i] = hiddenColor;
        changed = true;
      }
    }
    if (!changed) {
      return q;
    }
    int[] assignment = new int[q.assignedColors()];
    for (int i = 0; i < assignment.length; i++) {
      assignment[i] = q.paletteIndexOf(i);
    }
    return new Quantization(Palette.of(colors), assignment, q.report());
  }

  /** The quantizer {@code options} describe. */
  public static Quantizer quantizer(CompressionOptions options) {
    return switch (options.method()) {
      case KMEANS -> new KMeansQuantizer(
          KMeansConfig.of(options.colors()).withSeed(options.seed()).withSpace(options.space()));
    };
  }
}

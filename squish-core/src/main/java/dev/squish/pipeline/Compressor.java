package dev.squish.pipeline;

import dev.squish.dither.ErrorDiffusion;
import dev.squish.histogram.ColorHistogram;
import dev.squish.image.RgbaImage;
import dev.squish.mapping.IndexedImage;
import dev.squish.mapping.PaletteMapper;
import dev.squish.mapping.PaletteOrder;
import dev.squish.metrics.DeltaE2000;
import dev.squish.metrics.ErrorMetrics;
import dev.squish.metrics.QualityReport;
import dev.squish.metrics.Ssim;
import dev.squish.quantize.Palette;
import dev.squish.quantize.Quantization;
import dev.squish.quantize.Quantizer;
import dev.squish.quantize.gmm.GmmBicQuantizer;
import dev.squish.quantize.gmm.GmmConfig;
import dev.squish.quantize.gmm.GmmQuantizer;
import dev.squish.quantize.kmeans.KMeansConfig;
import dev.squish.quantize.kmeans.KMeansQuantizer;
import java.util.Objects;

/**
 * The pipeline between decoded pixels and an indexed image: histogram, quantize, remap (or
 * dither), order the palette for writing, measure. Stateless and thread-safe; every call is
 * independent.
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
    return finish(image, histogram, quantizer(options).quantize(histogram), options);
  }

  /**
   * The stages after quantization: the transparent entry gets the hidden colour, pixels are
   * mapped (or dithered), the palette is put in writing order, MSE and PSNR are measured.
   */
  public static Compressed finish(RgbaImage image, ColorHistogram histogram, Quantization quantization,
      CompressionOptions options) {
    Quantization q = withHiddenColor(quantization, histogram.hiddenColor());
    IndexedImage indexed = PaletteMapper.remap(image, histogram, q);
    if (!options.dithering().isNone()) {
      indexed = ErrorDiffusion.floydSteinberg(image, indexed, options.dithering().level());
    }
    indexed = PaletteOrder.forEncoding(indexed);
    return new Compressed(indexed, q, histogram, ErrorMetrics.compare(image, indexed));
  }

  /** {@code compressed} with SSIM and mean CIEDE2000 added to its quality report. */
  public static Compressed withPerceptualMetrics(RgbaImage image, Compressed compressed) {
    if (compressed.quality().hasPerceptual()) {
      return compressed;
    }
    double ssim = Ssim.mean(image, compressed.image());
    double de = DeltaE2000.mean(image, compressed.histogram(), compressed.image());
    QualityReport q = compressed.quality().withPerceptual(ssim, de);
    return new Compressed(compressed.image(), compressed.quantization(), compressed.histogram(), q);
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
      case KMEANS -> new KMeansQuantizer(kmeansConfig(options));
      case EM -> emQuantizer(options);
    };
  }

  private static Quantizer emQuantizer(CompressionOptions options) {
    EmOptions em = options.em();
    GmmConfig config = GmmConfig.of(options.colors()).withSeed(options.seed()).withSpace(options.space())
        .withCovariance(em.covariance()).withAssignment(em.assignment());
    return em.autoK() ? new GmmBicQuantizer(config, em.minK(), em.maxK()) : new GmmQuantizer(config);
  }

  /** The k-means settings {@code options} describe. */
  public static KMeansConfig kmeansConfig(CompressionOptions options) {
    return KMeansConfig.of(options.colors()).withSeed(options.seed()).withSpace(options.space());
  }
}

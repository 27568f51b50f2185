package dev.squish.web;

import dev.squish.color.ColorCoordinates;
import dev.squish.parallel.ParallelChunks;
import dev.squish.pipeline.CompressionOptions;
import dev.squish.pipeline.Compressor;
import dev.squish.pipeline.Method;
import dev.squish.quantize.NearestCenters;
import dev.squish.quantize.Palette;
import dev.squish.quantize.Quantization;
import dev.squish.quantize.Quantizer;
import dev.squish.quantize.WeightedPoints;
import dev.squish.quantize.kmeans.KMeansQuantizer;
import dev.squish.quantize.kmeans.KMeansSession;

/**
 * The quick answer to a change of k: the chosen method fits its palette to a weighted sample of
 * the pixels ({@link UploadSession#PREVIEW_DRAWS} draws, some ten thousand distinct colours instead
 * of hundreds of thousands), then every colour of the image takes its nearest palette entry in the
 * working space. Everything after that (mapping or dithering, palette order, encoding, PSNR and
 * SSIM) is the real pipeline on the real image, so the figures shown are those of the preview's
 * own output. The exact fit on every colour follows and replaces it.
 */
final class PreviewQuantizer {
  private PreviewQuantizer() {}

  static Quantization quantize(UploadSession session, CompressionOptions options) {
    Quantization sampled = quantizer(options).quantize(session.previewHistogram());
    KMeansSession working = session.kmeans(options.space());
    return assignNearest(sampled.palette(), working.points(), working.coordinates(), sampled);
  }

  /**
   * The method's quantizer; for k-means with one seeding and no random swaps, which at small k
   * would cost more than everything else in the preview (the exact fit does them).
   */
  private static Quantizer quantizer(CompressionOptions options) {
    if (options.method() == Method.KMEANS) {
      return new KMeansQuantizer(Compressor.kmeansConfig(options).withRestarts(1).withSwaps(0));
    }
    return Compressor.quantizer(options);
  }

  /** Every point assigned to its nearest entry of {@code palette}, with {@code fit}'s report. */
  private static Quantization assignNearest(Palette palette, WeightedPoints points, ColorCoordinates coords,
      Quantization fit) {
    int dim = coords.dimensions();
    int k = palette.size();
    double[] centers = new double[k * dim];
    for (int j = 0; j < k; j++) {
      coords.toPoint(palette.color(j), centers, j * dim);
    }
    NearestCenters search = new NearestCenters(centers, k, dim);
    double[] c = points.coords();
    int[] assignment = new int[points.size()];
    ParallelChunks.forEach(assignment.length, 1 << 14, (chunk, from, to) -> {
      // neighbours in the histogram's order share their high bits, so the last answer is a good guess
      int guess = 0;
      for (int i = from; i < to; i++) {
        guess = search.nearest(c, i * dim, guess);
        assignment[i] = guess;
      }
    });
    return new Quantization(palette, assignment, fit.report());
  }
}

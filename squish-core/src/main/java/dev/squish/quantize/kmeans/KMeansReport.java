package dev.squish.quantize.kmeans;

import dev.squish.quantize.FitReport;

/**
 * How a k-means palette was found.
 *
 * @param iterations Lloyd iterations on the full histogram
 * @param converged whether the tolerance was met before the cap
 * @param objective weighted sum of squared errors per pixel, in the working space, after rounding the palette to 8
 *     bits (for sRGB: the mean squared error summed over the channels)
 * @param objectiveHistory sum of squared errors per pixel after each Lloyd iteration on the full histogram
 * @param reseeded empty clusters moved to the worst-fitted colour
 * @param coarsePoints points of the coarse histogram used for seeding (0 when seeding used every colour)
 * @param exact true when the image had no more colours than asked for and the palette is lossless
 */
public record KMeansReport(
    int iterations, boolean converged, double objective, double[] objectiveHistory, int reseeded, int coarsePoints,
    boolean exact) implements FitReport {

  @Override
  public String method() {
    return "kmeans";
  }
}

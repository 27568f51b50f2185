package dev.squish.quantize.gmm;

import dev.squish.color.ColorSpace;
import dev.squish.quantize.FitReport;
import java.util.List;

/**
 * How a Gaussian-mixture palette was found, and the mixture itself.
 *
 * @param requestedComponents k asked for
 * @param covariance covariance type
 * @param assignment how colours were mapped to palette entries
 * @param regCovar the value added to each covariance diagonal, squared working-space units
 * @param space the colour space the mixture was fitted in
 * @param dimensions coordinates of the working space: 3, or 4 for images with transparency (premultiplied, with
 *     alpha as the fourth coordinate, as k-means clusters them)
 * @param coarsePoints pooled points EM ran on before the full histogram (0 when it ran on the full histogram only)
 * @param coarseIterations EM iterations on the pooled points
 * @param iterations EM iterations on the full histogram
 * @param converged whether the change of the mean log-likelihood fell below the tolerance before the cap
 * @param logLikelihood final mean log-likelihood per pixel, over every pixel (the histogram's colours weighted by their
 *     counts), density in working-space units: for sRGB on 0..255 values
 * @param logLikelihoodHistory mean log-likelihood per pixel on the full histogram, of the starting mixture and after
 *     every iteration
 * @param bic Bayesian information criterion {@code -2 ln L + p ln N}, {@code N} the number of pixels
 * @param mixture the fitted mixture, whose means rounded to 8 bits are the palette
 * @param collapses components that collapsed and were re-seeded or dropped
 * @param objective weighted sum of squared errors per pixel in the working space after rounding the palette (for sRGB:
 *     the mean squared error summed over the channels)
 * @param exact true when the image had no more colours than k and the palette is lossless
 * @param selection with {@code --k auto}: every k tried, with its BIC and PSNR; empty otherwise
 */
public record GmmReport(
    int requestedComponents, CovarianceType covariance, Assignment assignment, double regCovar, ColorSpace space,
    int dimensions,
    int coarsePoints, int coarseIterations, int iterations, boolean converged, double logLikelihood,
    double[] logLikelihoodHistory, double bic, GaussianMixture mixture, List<Collapse> collapses, double objective,
    boolean exact, List<KCandidate> selection) implements FitReport {

  public GmmReport {
    logLikelihoodHistory = logLikelihoodHistory.clone();
    collapses = List.copyOf(collapses);
    selection = List.copyOf(selection);
  }

  @Override
  public double[] logLikelihoodHistory() {
    return logLikelihoodHistory.clone();
  }

  @Override
  public String method() {
    return "em";
  }

  /** Components in the fitted mixture. */
  public int components() {
    return mixture.components();
  }

  /** Free parameters of the mixture, as BIC counts them. */
  public int parameters() {
    return mixture.parameterCount();
  }

  /** Components re-seeded after collapsing. */
  public long reseeded() {
    return collapses.stream().filter(Collapse::reseeded).count();
  }

  /** This report with the k-versus-BIC table of a model selection. */
  public GmmReport withSelection(List<KCandidate> newSelection) {
    return new GmmReport(requestedComponents, covariance, assignment, regCovar, space, dimensions, coarsePoints,
        coarseIterations, iterations, converged, logLikelihood, logLikelihoodHistory, bic, mixture, collapses, objective,
        exact, newSelection);
  }
}

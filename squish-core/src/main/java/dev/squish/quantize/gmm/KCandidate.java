package dev.squish.quantize.gmm;

/**
 * One row of the k-versus-BIC table of {@link GmmBicQuantizer}: a mixture fitted with {@code k}
 * components, scored.
 *
 * @param k components asked for
 * @param components components in the fitted mixture (fewer than k when the image has fewer colours, or components
 *     were dropped)
 * @param bic Bayesian information criterion on the histogram, {@code -2 ln L + p ln N} (lower is better)
 * @param logLikelihood mean log-likelihood per pixel
 * @param parameters free parameters p
 * @param psnr PSNR in dB of the palette with the chosen mapping, over the histogram's colours (infinite when lossless)
 * @param iterations EM iterations over the full histogram
 * @param converged whether EM converged
 */
public record KCandidate(int k, int components, double bic, double logLikelihood, int parameters, double psnr,
    int iterations, boolean converged) {}

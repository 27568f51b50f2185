package dev.squish.quantize.gmm;

/**
 * A component that collapsed during EM, and what was done about it (see {@link GmmQuantizer} for
 * the policy).
 *
 * @param phase {@code "coarse"} (EM on the pooled histogram) or {@code "full"} (on every colour)
 * @param iteration the EM iteration of that phase whose M-step found the collapse (1-based)
 * @param component index of the component
 * @param pixels the responsibility mass it had left, in pixels (NaN when its covariance was singular instead)
 * @param reseeded true when it was re-seeded, false when it was dropped from the mixture
 * @param color the colour it was re-seeded on, {@code 0xAARRGGBB} (0 when dropped)
 */
public record Collapse(String phase, int iteration, int component, double pixels, boolean reseeded, int color) {}

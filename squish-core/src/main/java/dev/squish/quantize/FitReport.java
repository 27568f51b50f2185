package dev.squish.quantize;

/**
 * What a quantizer did to find its palette: the facts a user needs to judge the fit. Each
 * method adds its own figures in its own record.
 */
public interface FitReport {

  /** Short name of the method, e.g. {@code "kmeans"}. */
  String method();

  /** Iterations run by the main loop (0 when the palette was exact). */
  int iterations();

  /** True when the stopping tolerance was reached before the iteration cap (or no iteration was needed). */
  boolean converged();
}

package dev.squish.quantize.gmm;

import dev.squish.quantize.Assignment;
import dev.squish.quantize.ColorSpace;
import dev.squish.quantize.Covariance;
import dev.squish.quantize.Speed;

/** A builder of {@link GmmConfig} for the tests, which vary one setting at a time. */
final class GmmConfigs {
  private int components;
  private Covariance covariance = Covariance.FULL;
  private double regCovar = GmmConfig.DEFAULT_REG_COVAR;
  private double tolerance = GmmConfig.DEFAULT_TOLERANCE;
  private int maxIterations = GmmConfig.DEFAULT_MAX_ITERATIONS;
  private int coarseIterations = GmmConfig.DEFAULT_COARSE_ITERATIONS;
  private long seed = 1;
  private ColorSpace space = ColorSpace.SRGB;
  private Assignment assignment = Assignment.NEAREST;

  private GmmConfigs(int components) {
    this.components = components;
  }

  /** The defaults for {@code k} components. */
  static GmmConfigs gmm(int k) {
    return new GmmConfigs(k);
  }

  GmmConfigs covariance(Covariance v) {
    covariance = v;
    return this;
  }

  GmmConfigs regCovar(double v) {
    regCovar = v;
    return this;
  }

  GmmConfigs tolerance(double v) {
    tolerance = v;
    return this;
  }

  GmmConfigs maxIterations(int v) {
    maxIterations = v;
    return this;
  }

  GmmConfigs coarseIterations(int v) {
    coarseIterations = v;
    return this;
  }

  GmmConfigs seed(long v) {
    seed = v;
    return this;
  }

  GmmConfigs assignment(Assignment v) {
    assignment = v;
    return this;
  }

  GmmConfig build() {
    return new GmmConfig(components, covariance, regCovar, tolerance, maxIterations, coarseIterations, seed, space,
        assignment, Speed.DEFAULT);
  }
}

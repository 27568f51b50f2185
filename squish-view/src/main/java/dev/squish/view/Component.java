package dev.squish.view;

import dev.squish.quantize.FitReport;
import dev.squish.quantize.GaussianMixture;
import java.util.ArrayList;
import java.util.List;

/**
 * One Gaussian of a fitted mixture, in the three colour coordinates of its working space (for a
 * mixture fitted with alpha as a fourth coordinate, the colour block of its covariance).
 *
 * @param weight mixing weight, 0..1
 * @param mean mean, 3 coordinates
 * @param covariance 3 x 3 covariance, row-major, symmetric positive definite
 */
public record Component(double weight, double[] mean, double[] covariance) {
  /** The ellipsoids are drawn at two standard deviations (they hold about 74% of a 3-D Gaussian). */
  public static final double SIGMAS = 2;

  /**
   * The Gaussian components of {@code fit} (empty for methods without a mixture), in the three
   * colour coordinates: a mixture fitted with alpha as a fourth coordinate gives its colour block.
   */
  public static List<Component> of(FitReport fit) {
    List<Component> out = new ArrayList<>();
    fit.fittedMixture().ifPresent(m -> {
      int d = m.dimensions();
      for (int j = 0; j < m.components(); j++) {
        out.add(colourBlock(m, j, d));
      }
    });
    return out;
  }

  private static Component colourBlock(GaussianMixture m, int j, int d) {
    double[] mean = m.mean(j);
    double[] cov = m.covariance(j);
    double[] c3 = new double[9];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        c3[r * 3 + c] = cov[r * d + c];
      }
    }
    return new Component(m.weight(j), new double[] {mean[0], mean[1], mean[2]}, c3);
  }

  public Component {
    if (mean.length != 3 || covariance.length != 9) {
      throw new IllegalArgumentException("need a 3-vector and a 3x3 matrix, got " + mean.length + " and "
          + covariance.length + " values");
    }
    mean = mean.clone();
    covariance = covariance.clone();
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] covariance() {
    return covariance.clone();
  }

  /**
   * The outline of the {@link #SIGMAS} ellipsoid on the screen: a closed polyline of
   * {@code segments + 1} points (right, up), interleaved. Under an orthographic projection
   * {@code P} the projected points have covariance {@code P Σ Pᵀ}, and the ellipse of that 2 x 2
   * covariance is exactly the ellipsoid's silhouette.
   */
  public double[] outline(CloudSpace layout, double[] projection, int segments) {
    double[] c = layout.project(projection, mean, 0);
    // S = P Σ Pᵀ, a symmetric 2 x 2 matrix [a b; b d]
    double a = quadratic(projection, 0, 0);
    double b = quadratic(projection, 0, 1);
    double d = quadratic(projection, 1, 1);
    double half = (a + d) / 2;
    double root = Math.sqrt(Math.max(0, (a - d) * (a - d) / 4 + b * b));
    double l1 = Math.max(0, half + root);
    double l2 = Math.max(0, half - root);
    double angle = 0.5 * Math.atan2(2 * b, a - d);
    double r1 = SIGMAS * Math.sqrt(l1);
    double r2 = SIGMAS * Math.sqrt(l2);
    double ca = Math.cos(angle);
    double sa = Math.sin(angle);
    double[] out = new double[2 * (segments + 1)];
    for (int i = 0; i <= segments; i++) {
      double t = 2 * Math.PI * i / segments;
      double x = r1 * Math.cos(t);
      double y = r2 * Math.sin(t);
      out[2 * i] = c[0] + ca * x - sa * y;
      out[2 * i + 1] = c[1] + sa * x + ca * y;
    }
    return out;
  }

  /** Row {@code r} of P times Σ times row {@code s} of P. */
  private double quadratic(double[] p, int r, int s) {
    double sum = 0;
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        sum += p[r * 3 + i] * covariance[i * 3 + j] * p[s * 3 + j];
      }
    }
    return sum;
  }
}

package dev.squish.quantize.gmm;

/**
 * The shape each component's covariance may take (the names of scikit-learn's
 * {@code covariance_type}).
 */
public enum CovarianceType {
  /**
   * Any symmetric positive definite matrix: captures correlated channels, such as a shadow that
   * darkens red, green and blue together. The default.
   */
  FULL("full"),
  /** Independent channels: a diagonal matrix. */
  DIAG("diag"),
  /** The same variance in every channel: a multiple of the identity. */
  SPHERICAL("spherical");

  private final String id;

  CovarianceType(String id) {
    this.id = id;
  }

  /** The name used on the command line and in reports. */
  public String id() {
    return id;
  }

  /** Free parameters of one covariance matrix in {@code dimensions} dimensions. */
  public int parametersPerComponent(int dimensions) {
    return switch (this) {
      case FULL -> dimensions * (dimensions + 1) / 2;
      case DIAG -> dimensions;
      case SPHERICAL -> 1;
    };
  }

  /** The type named {@code id} (as printed by {@link #id()}), case-insensitive. */
  public static CovarianceType byId(String id) {
    for (CovarianceType t : values()) {
      if (t.id.equalsIgnoreCase(id)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown covariance type '" + id + "'");
  }
}

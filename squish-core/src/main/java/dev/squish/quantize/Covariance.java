package dev.squish.quantize;

import java.util.Locale;

/** The shape each component's covariance may take (scikit-learn's {@code covariance_type} names). */
public enum Covariance {
  /** Any symmetric positive definite matrix: correlated channels, such as a shadow darkening R, G and B together. */
  FULL,
  /** Independent channels: a diagonal matrix. */
  DIAG,
  /** The same variance in every channel: a multiple of the identity. */
  SPHERICAL;

  /** {@return the name used on the command line and in reports} */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * {@return the free parameters of one covariance matrix}
   *
   * @param dimensions of the space
   */
  public int parametersPerComponent(int dimensions) {
    return switch (this) {
      case FULL -> dimensions * (dimensions + 1) / 2;
      case DIAG -> dimensions;
      case SPHERICAL -> 1;
    };
  }

  /**
   * {@return the type named {@code id}}
   *
   * @param id as {@link #id()} gives it, any case
   */
  public static Covariance byId(String id) {
    return Names.byId(values(), id, "covariance type");
  }
}

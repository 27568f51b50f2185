package dev.squish.quantize.gmm;

/**
 * Cholesky factors of small symmetric matrices (3×3 or 4×4 here), in packed lower-triangular
 * storage: row {@code r}, column {@code c <= r} at {@code r * (r + 1) / 2 + c}.
 */
final class Cholesky {
  /**
   * A pivot smaller than this fraction of its diagonal entry means the matrix is singular to
   * working precision: its inverse would be dominated by rounding noise.
   */
  private static final double RELATIVE_PIVOT_MIN = 1e-12;

  private Cholesky() {}

  /** Entries of a packed lower triangle of a {@code d × d} matrix. */
  static int packedSize(int d) {
    return d * (d + 1) / 2;
  }

  /**
   * Factors the symmetric matrix {@code a} (row-major {@code d × d} at {@code a[aOff..]}) as
   * {@code L L^T} and writes the packed {@code L} to {@code l[lOff..]}.
   *
   * @return false when the matrix is not positive definite to working precision ({@code l} is then undefined)
   */
  static boolean factor(double[] a, int aOff, int d, double[] l, int lOff) {
    for (int i = 0; i < d; i++) {
      int rowI = lOff + i * (i + 1) / 2;
      for (int j = 0; j <= i; j++) {
        int rowJ = lOff + j * (j + 1) / 2;
        double s = a[aOff + i * d + j];
        for (int p = 0; p < j; p++) {
          s -= l[rowI + p] * l[rowJ + p];
        }
        if (i == j) {
          if (!(s > RELATIVE_PIVOT_MIN * a[aOff + i * d + i])) { // NaN fails too
            return false;
          }
          l[rowI + i] = Math.sqrt(s);
        } else {
          l[rowI + j] = s / l[rowJ + j];
        }
      }
    }
    return true;
  }

  /**
   * Inverts the packed lower-triangular {@code l} (non-zero diagonal) into the packed lower-triangular
   * {@code inv}; the two must not overlap.
   */
  static void invertLower(double[] l, int lOff, int d, double[] inv, int invOff) {
    for (int c = 0; c < d; c++) {
      inv[invOff + c * (c + 1) / 2 + c] = 1 / l[lOff + c * (c + 1) / 2 + c];
      for (int r = c + 1; r < d; r++) {
        int rowR = r * (r + 1) / 2;
        double s = 0;
        for (int p = c; p < r; p++) {
          s += l[lOff + rowR + p] * inv[invOff + p * (p + 1) / 2 + c];
        }
        inv[invOff + rowR + c] = -s / l[lOff + rowR + r];
      }
    }
  }

  /** Sum of the logarithms of the diagonal of the packed triangle: half the log-determinant of {@code L L^T}. */
  static double logDiagonalSum(double[] l, int lOff, int d) {
    double s = 0;
    for (int i = 0; i < d; i++) {
      s += Math.log(l[lOff + i * (i + 1) / 2 + i]);
    }
    return s;
  }
}

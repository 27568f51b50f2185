package dev.squish.color;

/**
 * The sRGB transfer function (IEC 61966-2-1) and conversions from 8-bit sRGB to linear light,
 * CIE XYZ (D65), CIE L*a*b* (D65, 2° observer, the white point scikit-image uses) and Oklab
 * (Björn Ottosson, 2020). Tables make the 8-bit decoding a lookup.
 */
public final class Srgb {
  private static final double[] TO_LINEAR = new double[256];

  static {
    for (int i = 0; i < 256; i++) {
      TO_LINEAR[i] = decode(i / 255.0);
    }
  }

  /** D65 reference white, XYZ with Y = 1 (scikit-image's "D65", "2" values). */
  static final double XN = 0.95047;
  static final double YN = 1.0;
  static final double ZN = 1.08883;

  private Srgb() {}

  /** Linear light 0..1 of an 8-bit sRGB channel value. */
  public static double toLinear(int channel) {
    return TO_LINEAR[channel];
  }

  /** sRGB decoding of a value in 0..1. */
  public static double decode(double v) {
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }

  /** sRGB encoding of linear light in 0..1 (not clamped). */
  public static double encode(double linear) {
    return linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
  }

  /** CIE L*a*b* of an 8-bit sRGB colour ({@code 0x..RRGGBB}) into {@code out[offset..offset+3)}. */
  public static void toLab(int rgb, double[] out, int offset) {
    double r = TO_LINEAR[(rgb >>> 16) & 0xFF];
    double g = TO_LINEAR[(rgb >>> 8) & 0xFF];
    double b = TO_LINEAR[rgb & 0xFF];
    linearToLab(r, g, b, out, offset);
  }

  /** CIE L*a*b* of linear-light RGB. */
  public static void linearToLab(double r, double g, double b, double[] out, int offset) {
    double x = (0.412453 * r + 0.357580 * g + 0.180423 * b) / XN;
    double y = (0.212671 * r + 0.715160 * g + 0.072169 * b) / YN;
    double z = (0.019334 * r + 0.119193 * g + 0.950227 * b) / ZN;
    double fx = labF(x);
    double fy = labF(y);
    double fz = labF(z);
    out[offset] = 116 * fy - 16;
    out[offset + 1] = 500 * (fx - fy);
    out[offset + 2] = 200 * (fy - fz);
  }

  /** Linear-light RGB of CIE L*a*b* into {@code out[offset..offset+3)} (not clamped). */
  public static void labToLinear(double l, double a, double bb, double[] out, int offset) {
    double fy = (l + 16) / 116;
    double fx = fy + a / 500;
    double fz = fy - bb / 200;
    double x = labFInverse(fx) * XN;
    double y = labFInverse(fy) * YN;
    double z = labFInverse(fz) * ZN;
    // inverse of the matrix in linearToLab (scikit-image's xyz_from_rgb, inverted)
    out[offset] = 3.24048134 * x - 1.53715152 * y - 0.49853633 * z;
    out[offset + 1] = -0.96925495 * x + 1.87599 * y + 0.04155593 * z;
    out[offset + 2] = 0.05564664 * x - 0.20404134 * y + 1.05731107 * z;
  }

  private static double labF(double t) {
    return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
  }

  private static double labFInverse(double f) {
    double t = f * f * f;
    return t > 0.008856 ? t : (f - 16.0 / 116) / 7.787;
  }

  /** Oklab (L, a, b) of linear-light RGB into {@code out[offset..offset+3)}. */
  public static void linearToOklab(double r, double g, double b, double[] out, int offset) {
    double l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    double m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    double s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    out[offset] = 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s;
    out[offset + 1] = 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s;
    out[offset + 2] = 0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s;
  }

  /** Linear-light RGB of Oklab (not clamped). */
  public static void oklabToLinear(double ll, double a, double b, double[] out, int offset) {
    double l = ll + 0.3963377774 * a + 0.2158037573 * b;
    double m = ll - 0.1055613458 * a - 0.0638541728 * b;
    double s = ll - 0.0894841775 * a - 1.2914855480 * b;
    l = l * l * l;
    m = m * m * m;
    s = s * s * s;
    out[offset] = 4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s;
    out[offset + 1] = -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s;
    out[offset + 2] = -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s;
  }

  /** The 8-bit sRGB channel nearest to linear light {@code v} (clamped to 0..255). */
  public static int fromLinear(double v) {
    if (!(v > 0)) {
      return 0;
    }
    if (v >= 1) {
      return 255;
    }
    return (int) Math.round(encode(v) * 255);
  }
}

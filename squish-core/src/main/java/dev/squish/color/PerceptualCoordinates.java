package dev.squish.color;

/**
 * Coordinates in linear light, Oklab or CIE L*a*b*, optionally premultiplied by alpha with
 * alpha as a fourth coordinate. Scales: linear RGB ×255 and Oklab ×255 (so their first
 * coordinate spans 0..255 like sRGB), L*a*b* in its own units (L* 0..100, so Euclidean distance
 * is ΔE*76). The alpha coordinate spans the same range as the first colour coordinate, so a
 * step from opaque to transparent weighs like a step from black to white.
 */
final class PerceptualCoordinates implements ColorCoordinates {
  enum Space {
    LINEAR(255),
    OKLAB(255),
    LAB(100);

    final double range;

    Space(double range) {
      this.range = range;
    }
  }

  private final Space space;
  private final boolean alpha;

  PerceptualCoordinates(Space space, boolean alpha) {
    this.space = space;
    this.alpha = alpha;
  }

  @Override
  public int dimensions() {
    return alpha ? 4 : 3;
  }

  @Override
  public void toPoint(int argb, double[] out, int offset) {
    double r = Srgb.toLinear((argb >>> 16) & 0xFF);
    double g = Srgb.toLinear((argb >>> 8) & 0xFF);
    double b = Srgb.toLinear(argb & 0xFF);
    switch (space) {
      case LINEAR -> {
        out[offset] = r * 255;
        out[offset + 1] = g * 255;
        out[offset + 2] = b * 255;
      }
      case OKLAB -> {
        Srgb.linearToOklab(r, g, b, out, offset);
        out[offset] *= 255;
        out[offset + 1] *= 255;
        out[offset + 2] *= 255;
      }
      default -> Srgb.linearToLab(r, g, b, out, offset);
    }
    if (alpha) {
      double f = (argb >>> 24) / 255.0;
      out[offset] *= f;
      out[offset + 1] *= f;
      out[offset + 2] *= f;
      out[offset + 3] = f * space.range * SrgbCoordinates.ALPHA_WEIGHT;
    }
  }

  @Override
  public int toArgb(double[] point, int offset) {
    int a = 255;
    double f = 1;
    if (alpha) {
      int rounded = SrgbCoordinates.channel(point[offset + 3] / (space.range * SrgbCoordinates.ALPHA_WEIGHT) * 255);
      if (rounded == 0) {
        return 0;
      }
      f = 255.0 / rounded;
      a = SrgbCoordinates.alpha(rounded);
    }
    double c0 = point[offset] * f;
    double c1 = point[offset + 1] * f;
    double c2 = point[offset + 2] * f;
    double[] rgb = new double[3];
    switch (space) {
      case LINEAR -> {
        rgb[0] = c0 / 255;
        rgb[1] = c1 / 255;
        rgb[2] = c2 / 255;
      }
      case OKLAB -> Srgb.oklabToLinear(c0 / 255, c1 / 255, c2 / 255, rgb, 0);
      default -> Srgb.labToLinear(c0, c1, c2, rgb, 0);
    }
    return (a << 24) | (Srgb.fromLinear(rgb[0]) << 16) | (Srgb.fromLinear(rgb[1]) << 8) | Srgb.fromLinear(rgb[2]);
  }
}

package dev.squish.color;

/** sRGB values 0..255 as coordinates; with alpha, premultiplied RGB plus alpha, all 0..255. */
enum SrgbCoordinates implements ColorCoordinates {
  RGB {
    @Override
    public int dimensions() {
      return 3;
    }

    @Override
    public void toPoint(int argb, double[] out, int offset) {
      out[offset] = (argb >>> 16) & 0xFF;
      out[offset + 1] = (argb >>> 8) & 0xFF;
      out[offset + 2] = argb & 0xFF;
    }

    @Override
    public int toArgb(double[] p, int offset) {
      return 0xFF000000 | (channel(p[offset]) << 16) | (channel(p[offset + 1]) << 8) | channel(p[offset + 2]);
    }
  },

  PREMULTIPLIED_RGBA {
    @Override
    public int dimensions() {
      return 4;
    }

    @Override
    public void toPoint(int argb, double[] out, int offset) {
      int a = argb >>> 24;
      double f = a / 255.0;
      out[offset] = ((argb >>> 16) & 0xFF) * f;
      out[offset + 1] = ((argb >>> 8) & 0xFF) * f;
      out[offset + 2] = (argb & 0xFF) * f;
      out[offset + 3] = a * ALPHA_WEIGHT;
    }

    @Override
    public int toArgb(double[] p, int offset) {
      int rounded = channel(p[offset + 3] / ALPHA_WEIGHT);
      if (rounded == 0) {
        return 0;
      }
      // un-premultiply with the rounded alpha, so that the colour shown after the viewer
      // multiplies again is as close as 8 bits allow to the centre of the cluster; an alpha
      // made opaque keeps that straight colour, which is what a nearly opaque pixel shows
      double f = 255.0 / rounded;
      int a = alpha(rounded);
      return (a << 24) | (channel(p[offset] * f) << 16) | (channel(p[offset + 1] * f) << 8)
          | channel(p[offset + 2] * f);
    }
  };

  /**
   * Scale of the alpha coordinate relative to the colour coordinates: 2, so an error in opacity
   * costs four times an equal error in one colour channel. A background that shows through as a
   * halo, or a shape with holes, is a worse defect than a slightly wrong colour, and with equal
   * weights k-means readily merges an antialiased rim with its neighbours (measured on a logo
   * with a transparent background at k = 16: mean alpha error on the rim 18 at weight 1).
   */
  static final double ALPHA_WEIGHT = 2;

  /**
   * Alpha values from this up are written as 255: the difference is invisible, while an entry
   * of alpha 254 (a cluster of opaque pixels that took in a few of an antialiased rim) would make
   * opaque shapes translucent.
   */
  static final int OPAQUE_FROM = 250;

  /** An alpha value in 0..255 rounded to 8 bits, with {@link #OPAQUE_FROM} and above made opaque. */
  static int alpha(double v) {
    int a = channel(v);
    return a >= OPAQUE_FROM ? 255 : a;
  }

  static int channel(double v) {
    if (!(v > 0)) { // NaN too
      return 0;
    }
    return v >= 255 ? 255 : (int) Math.round(v);
  }
}

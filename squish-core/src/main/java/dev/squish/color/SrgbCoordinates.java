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
      out[offset + 3] = a;
    }

    @Override
    public int toArgb(double[] p, int offset) {
      int a = channel(p[offset + 3]);
      if (a == 0) {
        return 0;
      }
      // un-premultiply with the rounded alpha, so that the colour shown after the viewer
      // multiplies again is as close as 8 bits allow to the centre of the cluster
      double f = 255.0 / a;
      return (a << 24) | (channel(p[offset] * f) << 16) | (channel(p[offset + 1] * f) << 8) | channel(p[offset + 2] * f);
    }
  };

  static int channel(double v) {
    if (!(v > 0)) { // NaN too
      return 0;
    }
    return v >= 255 ? 255 : (int) Math.round(v);
  }
}

package dev.squish.io.color;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small ICC v4 matrix/TRC profiles from a colour space's published description (primaries,
 * white point, transfer curve). squish needs them for PNG files that describe their colours with
 * {@code gAMA} and {@code cHRM} instead of a profile: turned into a profile, they go through the same
 * colour management (the JDK's LittleCMS) as embedded profiles do. Also how Display P3 or ROMM
 * inputs are made when no file with such a profile is at hand.
 */
public final class IccProfiles {
  /** CIE 1931 xy of the primaries and white point of sRGB (IEC 61966-2-1), D65 white. */
  public static final Chromaticities SRGB_PRIMARIES = new Chromaticities(0.64, 0.33, 0.30, 0.60, 0.15, 0.06,
      0.3127, 0.3290);
  /** Display P3 (SMPTE EG 432-1 primaries, D65 white); its transfer curve is sRGB's. */
  public static final Chromaticities DISPLAY_P3_PRIMARIES = new Chromaticities(0.680, 0.320, 0.265, 0.690, 0.150,
      0.060, 0.3127, 0.3290);
  /** Adobe RGB (1998), D65 white; transfer curve a power of 563/256. */
  public static final Chromaticities ADOBE_RGB_PRIMARIES = new Chromaticities(0.64, 0.33, 0.21, 0.71, 0.15, 0.06,
      0.3127, 0.3290);
  /** ROMM RGB (ProPhoto, ISO 22028-2), D50 white; transfer curve close to a power of 1.8. */
  public static final Chromaticities ROMM_PRIMARIES = new Chromaticities(0.7347, 0.2653, 0.1596, 0.8404, 0.0366,
      0.0001, 0.3457, 0.3585);

  /** The ICC profile connection space's white, D50, as XYZ. */
  private static final double[] D50 = {0.9642, 1.0, 0.8249};
  /** Bradford cone response matrix, the chromatic adaptation ICC v4 recommends. */
  private static final double[][] BRADFORD = {
      {0.8951, 0.2664, -0.1614}, {-0.7502, 1.7135, 0.0367}, {0.0389, -0.0685, 1.0296}};

  private IccProfiles() {}

  /**
   * xy chromaticities of the red, green and blue primaries and the white point, as PNG's {@code cHRM}
   * stores them.
   */
  public record Chromaticities(double redX, double redY, double greenX, double greenY, double blueX, double blueY,
      double whiteX, double whiteY) {
    public Chromaticities {
      for (double v : new double[] {redX, redY, greenX, greenY, blueX, blueY, whiteX, whiteY}) {
        if (!(v >= 0 && v <= 1)) {
          throw new IllegalArgumentException("chromaticity out of 0..1: " + v);
        }
      }
      if (redY <= 0 || greenY <= 0 || blueY <= 0 || whiteY <= 0) {
        throw new IllegalArgumentException("a chromaticity y of 0 has no colour");
      }
    }
  }

  /**
   * A transfer curve from encoded value to linear light, as ICC's parametric curve of type 3:
   * {@code Y = (aX + b)^g} for {@code X >= d}, {@code Y = cX} below; a pure power has a = 1, b = c = d = 0.
   */
  public record TransferCurve(double g, double a, double b, double c, double d) {
    /** sRGB's curve (IEC 61966-2-1), also Display P3's. */
    public static final TransferCurve SRGB = new TransferCurve(2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045);

    public TransferCurve {
      if (!(g > 0 && g < 32)) {
        throw new IllegalArgumentException("gamma out of range: " + g);
      }
    }

    /** Y = X^g. */
    public static TransferCurve power(double g) {
      return new TransferCurve(g, 1, 0, 0, 0);
    }

    /** Linear light of an encoded value in 0..1. */
    public double linear(double x) {
      return x >= d ? Math.pow(a * x + b, g) : c * x;
    }

    boolean isPower() {
      return a == 1 && b == 0 && c == 0 && d == 0;
    }
  }

  /** An RGB display profile with the given primaries, white point and transfer curve. */
  public static byte[] rgb(String description, Chromaticities primaries, TransferCurve curve) {
    double[][] toXyz = rgbToXyz(primaries);
    double[][] adapt = adaptation(xyz(primaries.whiteX(), primaries.whiteY()), D50);
    double[][] colorants = multiply(adapt, toXyz);
    List<Tag> tags = new ArrayList<>();
    tags.add(new Tag("desc", mluc(description)));
    tags.add(new Tag("cprt", mluc("No copyright, use freely")));
    tags.add(new Tag("wtpt", xyzType(D50)));
    tags.add(new Tag("chad", sf32(adapt)));
    String[] names = {"rXYZ", "gXYZ", "bXYZ"};
    for (int i = 0; i < 3; i++) {
      tags.add(new Tag(names[i], xyzType(new double[] {colorants[0][i], colorants[1][i], colorants[2][i]})));
    }
    byte[] trc = para(curve);
    for (String name : new String[] {"rTRC", "gTRC", "bTRC"}) {
      tags.add(new Tag(name, trc));
    }
    return profile("RGB ", tags);
  }

  /** A grey display profile with the given transfer curve and a D50 white. */
  public static byte[] grey(String description, TransferCurve curve) {
    List<Tag> tags = new ArrayList<>();
    tags.add(new Tag("desc", mluc(description)));
    tags.add(new Tag("cprt", mluc("No copyright, use freely")));
    tags.add(new Tag("wtpt", xyzType(D50)));
    tags.add(new Tag("kTRC", para(curve)));
    return profile("GRAY", tags);
  }

  private record Tag(String signature, byte[] data) {}

  private static byte[] profile(String colourSpace, List<Tag> tags) {
    int tableEnd = 128 + 4 + 12 * tags.size();
    // identical tag data is stored once, as profiles do for their three TRCs
    List<byte[]> stored = new ArrayList<>();
    List<Integer> offsets = new ArrayList<>();
    int[] offsetOfTag = new int[tags.size()];
    int next = tableEnd;
    for (int t = 0; t < tags.size(); t++) {
      byte[] data = tags.get(t).data();
      int found = -1;
      for (int s = 0; s < stored.size(); s++) {
        if (java.util.Arrays.equals(stored.get(s), data)) {
          found = offsets.get(s);
        }
      }
      if (found < 0) {
        stored.add(data);
        offsets.add(next);
        found = next;
        next += (data.length + 3) & ~3;
      }
      offsetOfTag[t] = found;
    }
    byte[] p = new byte[next];
    putInt(p, 0, next);
    putInt(p, 8, 0x04300000); // version 4.3
    ascii(p, 12, "mntr");
    ascii(p, 16, colourSpace);
    ascii(p, 20, "XYZ ");
    ascii(p, 36, "acsp");
    // rendering intent 0 (perceptual) at 64; the PCS illuminant, D50, at 68
    putXyz(p, 68, D50);
    putInt(p, 128, tags.size());
    for (int t = 0; t < tags.size(); t++) {
      int e = 132 + 12 * t;
      ascii(p, e, tags.get(t).signature());
      putInt(p, e + 4, offsetOfTag[t]);
      putInt(p, e + 8, tags.get(t).data().length);
    }
    for (int s = 0; s < stored.size(); s++) {
      System.arraycopy(stored.get(s), 0, p, offsets.get(s), stored.get(s).length);
    }
    return p;
  }

  /** RGB → XYZ (white Y = 1) of the primaries, at their own white point. */
  static double[][] rgbToXyz(Chromaticities c) {
    double[][] p = {xyz(c.redX(), c.redY()), xyz(c.greenX(), c.greenY()), xyz(c.blueX(), c.blueY())};
    double[][] columns = {{p[0][0], p[1][0], p[2][0]}, {p[0][1], p[1][1], p[2][1]}, {p[0][2], p[1][2], p[2][2]}};
    double[] s = multiply(invert(columns), xyz(c.whiteX(), c.whiteY()));
    double[][] m = new double[3][3];
    for (int r = 0; r < 3; r++) {
      for (int col = 0; col < 3; col++) {
        m[r][col] = columns[r][col] * s[col];
      }
    }
    return m;
  }

  /** The Bradford adaptation from white {@code from} to white {@code to} (both XYZ). */
  static double[][] adaptation(double[] from, double[] to) {
    double[] a = multiply(BRADFORD, from);
    double[] b = multiply(BRADFORD, to);
    double[][] scale = {{b[0] / a[0], 0, 0}, {0, b[1] / a[1], 0}, {0, 0, b[2] / a[2]}};
    return multiply(invert(BRADFORD), multiply(scale, BRADFORD));
  }

  static double[] xyz(double x, double y) {
    return new double[] {x / y, 1, (1 - x - y) / y};
  }

  static double[][] multiply(double[][] a, double[][] b) {
    double[][] m = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        m[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
      }
    }
    return m;
  }

  static double[] multiply(double[][] a, double[] v) {
    return new double[] {a[0][0] * v[0] + a[0][1] * v[1] + a[0][2] * v[2],
        a[1][0] * v[0] + a[1][1] * v[1] + a[1][2] * v[2], a[2][0] * v[0] + a[2][1] * v[1] + a[2][2] * v[2]};
  }

  static double[][] invert(double[][] m) {
    double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    if (Math.abs(det) < 1e-12) {
      throw new IllegalArgumentException("primaries on one line have no inverse");
    }
    double[][] r = new double[3][3];
    r[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det;
    r[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det;
    r[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det;
    r[1][0] = (m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det;
    r[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det;
    r[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det;
    r[2][0] = (m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det;
    r[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det;
    r[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det;
    return r;
  }

  private static byte[] mluc(String text) {
    byte[] s = text.getBytes(StandardCharsets.UTF_16BE);
    byte[] d = new byte[28 + s.length];
    ascii(d, 0, "mluc");
    putInt(d, 8, 1);
    putInt(d, 12, 12);
    ascii(d, 16, "enUS");
    putInt(d, 20, s.length);
    putInt(d, 24, 28);
    System.arraycopy(s, 0, d, 28, s.length);
    return d;
  }

  private static byte[] xyzType(double[] xyz) {
    byte[] d = new byte[20];
    ascii(d, 0, "XYZ ");
    putXyz(d, 8, xyz);
    return d;
  }

  private static byte[] sf32(double[][] m) {
    byte[] d = new byte[8 + 36];
    ascii(d, 0, "sf32");
    for (int i = 0; i < 9; i++) {
      putInt(d, 8 + 4 * i, s15Fixed16(m[i / 3][i % 3]));
    }
    return d;
  }

  private static byte[] para(TransferCurve c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] head = new byte[12];
    ascii(head, 0, "para");
    head[9] = (byte) (c.isPower() ? 0 : 3);
    out.writeBytes(head);
    double[] params = c.isPower() ? new double[] {c.g()} : new double[] {c.g(), c.a(), c.b(), c.c(), c.d()};
    for (double v : params) {
      byte[] b = new byte[4];
      putInt(b, 0, s15Fixed16(v));
      out.writeBytes(b);
    }
    return out.toByteArray();
  }

  private static void putXyz(byte[] b, int off, double[] xyz) {
    for (int i = 0; i < 3; i++) {
      putInt(b, off + 4 * i, s15Fixed16(xyz[i]));
    }
  }

  private static int s15Fixed16(double v) {
    return (int) Math.round(v * 65536);
  }

  private static void ascii(byte[] b, int off, String s) {
    byte[] a = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(a, 0, b, off, a.length);
  }

  private static void putInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }
}

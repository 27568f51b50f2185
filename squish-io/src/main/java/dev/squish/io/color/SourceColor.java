package dev.squish.io.color;

import java.awt.Transparency;
import java.awt.color.CMMException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.color.ProfileDataException;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import dev.squish.io.encode.AncillaryChunk;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What an image file says about its colours, and the conversion to sRGB that a colour-managed
 * viewer applies before it shows the pixels.
 *
 * <p>Conversions go through the JDK's colour management (LittleCMS) with the <b>perceptual</b>
 * rendering intent, whatever the profile's header asks for: it is what colour-managed browsers
 * use (they take a profile's perceptual table when it has one), and for the matrix profiles that
 * nearly every photo carries (Adobe RGB, Display P3, ROMM) it is the same as relative
 * colorimetric: colours inside sRGB keep their values, colours outside are clipped to its gamut.
 * Immutable and thread-safe.
 */
public final class SourceColor {
  /** An image without colour information, or one in sRGB: shown as it is stored. */
  public static final SourceColor SRGB = new SourceColor("sRGB", null, null, List.of());

  /** Rows per conversion task: big enough that starting a LittleCMS transform is cheap next to it. */
  private static final int STRIPE_PIXELS = 1 << 20;

  private final String description;
  private final ICC_Profile profile;
  private final byte[] embedded;
  private final List<AncillaryChunk> carriedBy;

  private SourceColor(String description, ICC_Profile profile, byte[] embedded, List<AncillaryChunk> carriedBy) {
    this.description = description;
    this.profile = profile;
    this.embedded = embedded;
    this.carriedBy = List.copyOf(carriedBy);
  }

  /**
   * The colours of an embedded ICC profile.
   *
   * @param bytes the profile as stored in the file
   * @param carriedBy how a PNG output carries it
   * @throws IllegalArgumentException when the bytes are not a profile LittleCMS can use; the message says why
   */
  public static SourceColor ofProfile(byte[] bytes, List<AncillaryChunk> carriedBy) {
    ICC_Profile p;
    try {
      p = ICC_Profile.getInstance(perceptual(bytes));
    } catch (IllegalArgumentException | ProfileDataException | CMMException e) {
      throw new IllegalArgumentException("not a valid ICC profile (" + reason(e) + ")", e);
    }
    int type = p.getColorSpaceType();
    if (type == ColorSpace.TYPE_CMYK) {
      // CMYK JPEGs are converted with their profile by the decoder itself (TwelveMonkeys); known
      // here by name, for the report, and never carried into a palette PNG
      return new SourceColor(Describe.of(p), p, bytes.clone(), List.of());
    }
    if (type != ColorSpace.TYPE_RGB && type != ColorSpace.TYPE_GRAY) {
      throw new IllegalArgumentException("an ICC profile for " + spaceName(type) + " colours in an RGB or grey image");
    }
    SourceColor c = new SourceColor(Describe.of(p), p, bytes.clone(), carriedBy);
    c.checkUsable();
    return c.showsAsSrgb() ? new SourceColor(c.description, null, null, List.of()) : c;
  }

  /**
   * The colours a PNG describes with {@code gAMA} and perhaps {@code cHRM} (no {@code iCCP} or
   * {@code sRGB}): made into a matrix profile and converted like one.
   *
   * @param gamma the file's gamma (encoded = linear^gamma, 0.45455 for sRGB-like files), or NaN when absent
   * @param primaries the file's chromaticities, or null when absent (then sRGB's)
   * @param carriedBy the gAMA and cHRM chunks as they were
   */
  public static SourceColor ofPngGamma(double gamma, IccProfiles.Chromaticities primaries,
      List<AncillaryChunk> carriedBy) {
    boolean hasGamma = !Double.isNaN(gamma);
    // a gamma within 1% of 1/2.2 is what sRGB writers store beside (or instead of) the sRGB chunk:
    // shown unchanged, as libpng treats it, rather than darkening the shadows by the small
    // difference between a pure 2.2 power and the sRGB curve
    boolean srgbGamma = !hasGamma || Math.abs(gamma * 2.2 - 1) < 0.01;
    boolean srgbPrimaries = primaries == null || near(primaries, IccProfiles.SRGB_PRIMARIES);
    if (srgbGamma && srgbPrimaries) {
      return SRGB;
    }
    IccProfiles.TransferCurve curve = hasGamma && !srgbGamma ? IccProfiles.TransferCurve.power(1 / gamma)
        : hasGamma ? IccProfiles.TransferCurve.power(2.2) : IccProfiles.TransferCurve.SRGB;
    String name = (hasGamma ? String.format(java.util.Locale.ROOT, "PNG gamma %.5f", gamma) : "PNG")
        + (srgbPrimaries ? "" : " with its own chromaticities (cHRM)");
    byte[] icc = IccProfiles.rgb(name, primaries == null ? IccProfiles.SRGB_PRIMARIES : primaries, curve);
    ICC_Profile p = ICC_Profile.getInstance(icc);
    SourceColor rgb = new SourceColor(name, p, null, carriedBy);
    rgb.checkUsable();
    return rgb;
  }

  /** The same colours for a grey image: only the gamma applies. */
  public SourceColor forGrey() {
    if (profile == null || isGrey() || embedded != null) {
      return this;
    }
    // PNG gamma on a grey image; its chromaticities only place the white, which stays white
    IccProfiles.TransferCurve curve = transferOfGamma();
    SourceColor grey = new SourceColor(description, ICC_Profile.getInstance(IccProfiles.grey(description, curve)),
        null, carriedBy);
    grey.checkUsable();
    return grey;
  }

  private IccProfiles.TransferCurve transferOfGamma() {
    for (AncillaryChunk c : carriedBy) {
      if (c.type().equals("gAMA") && c.data().length == 4) {
        byte[] d = c.data();
        long g = ((d[0] & 0xFFL) << 24) | ((d[1] & 0xFFL) << 16) | ((d[2] & 0xFFL) << 8) | (d[3] & 0xFFL);
        if (g > 0) {
          return IccProfiles.TransferCurve.power(100000.0 / g);
        }
      }
    }
    return IccProfiles.TransferCurve.SRGB;
  }

  private static boolean near(IccProfiles.Chromaticities a, IccProfiles.Chromaticities b) {
    double[] x = {a.redX(), a.redY(), a.greenX(), a.greenY(), a.blueX(), a.blueY(), a.whiteX(), a.whiteY()};
    double[] y = {b.redX(), b.redY(), b.greenX(), b.greenY(), b.blueX(), b.blueY(), b.whiteX(), b.whiteY()};
    for (int i = 0; i < x.length; i++) {
      if (Math.abs(x[i] - y[i]) > 0.001) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when the profile shows every colour of a 17-level grid within one level of its stored
   * value: an embedded sRGB profile (or one close to it), which needs no conversion.
   */
  private boolean showsAsSrgb() {
    if (isGrey()) {
      int[] shown = convertGreyRamp();
      for (int i = 0; i < 256; i++) {
        if (Math.abs((shown[i] & 0xFF) - i) > 1 || Math.abs(((shown[i] >> 8) & 0xFF) - i) > 1) {
          return false;
        }
      }
      return true;
    }
    int[] grid = new int[17 * 17 * 17];
    int n = 0;
    for (int r = 0; r <= 256; r += 16) {
      for (int g = 0; g <= 256; g += 16) {
        for (int b = 0; b <= 256; b += 16) {
          grid[n++] = 0xFF000000 | Math.min(r, 255) << 16 | Math.min(g, 255) << 8 | Math.min(b, 255);
        }
      }
    }
    int[] shown = toSrgb(grid);
    for (int i = 0; i < grid.length; i++) {
      for (int shift = 0; shift <= 16; shift += 8) {
        if (Math.abs(((grid[i] >> shift) & 0xFF) - ((shown[i] >> shift) & 0xFF)) > 1) {
          return false;
        }
      }
    }
    return true;
  }

  /** Grey levels 0..255 as this grey profile shows them, as packed sRGB. */
  private int[] convertGreyRamp() {
    int[] levels = new int[256];
    for (int i = 0; i < 256; i++) {
      levels[i] = 0xFF000000 | i * 0x010101;
    }
    return toSrgb(levels);
  }

  /** {@return true when the pixels are shown as they are stored: no conversion is needed} */
  public boolean isSrgb() {
    return profile == null;
  }

  /** {@return what the colours are, in a few words: "sRGB", "Adobe RGB (1998)", "PNG gamma 1.00000"} */
  public String description() {
    return description;
  }

  /** {@return true for grey profiles, which describe one channel} */
  public boolean isGrey() {
    return profile != null && profile.getColorSpaceType() == ColorSpace.TYPE_GRAY;
  }

  /**
   * {@return true when a palette PNG can carry these colours as they are}: an RGB profile or PNG
   * gamma and chromaticities; a grey profile cannot describe a palette image (PNG forbids it).
   */
  public boolean canCarry() {
    return profile != null && profile.getColorSpaceType() == ColorSpace.TYPE_RGB && !carriedBy.isEmpty();
  }

  /** {@return the chunks that carry these colours into a PNG}; empty for sRGB */
  public List<AncillaryChunk> carriedBy() {
    return carriedBy;
  }

  /** {@return the profile bytes as embedded in the file}, or null when there was none (sRGB, PNG gamma) */
  public byte[] embeddedProfile() {
    return embedded == null ? null : embedded.clone();
  }

  /**
   * The sRGB of {@code argb} (straight alpha, kept): every colour converted as a viewer shows it.
   * For a grey profile the grey level is the blue sample (grey pixels have R = G = B).
   */
  public int[] toSrgb(int[] argb) {
    if (profile == null) {
      return argb.clone();
    }
    int colours = isGrey() ? 1 : 3;
    int[] out = new int[argb.length];
    stripes(argb.length, 1, (from, to) -> {
      int n = to - from;
      byte[] samples = new byte[colours * n];
      for (int i = 0; i < n; i++) {
        int c = argb[from + i];
        if (colours == 1) {
          samples[i] = (byte) c;
        } else {
          samples[3 * i] = (byte) (c >>> 16);
          samples[3 * i + 1] = (byte) (c >>> 8);
          samples[3 * i + 2] = (byte) c;
        }
      }
      byte[] bgr = convert(new DataBufferByte(samples, samples.length), n, colours);
      for (int i = 0; i < n; i++) {
        out[from + i] = (argb[from + i] & 0xFF000000) | (bgr[3 * i + 2] & 0xFF) << 16 | (bgr[3 * i + 1] & 0xFF) << 8
            | (bgr[3 * i] & 0xFF);
      }
    });
    return out;
  }

  /**
   * The pixels of a decoded 16-bit image (grey or RGB, with or without alpha, stored in this
   * profile's space) in 8-bit sRGB, converted from the 16-bit samples so that the conversion's
   * precision is not lost to an earlier rounding (which would band the shadows of a linear image).
   *
   * @return the pixels, or null for images of 8 bits or fewer (convert their 8-bit pixels with
   *     {@link #toSrgb(int[])}) and layouts this does not read
   */
  public int[] toSrgb(BufferedImage decoded) {
    Raster raster = decoded.getRaster();
    int bands = raster.getNumBands();
    int colours = isGrey() ? 1 : 3;
    boolean alpha = bands == colours + 1;
    if (profile == null || raster.getTransferType() != DataBuffer.TYPE_USHORT || (bands != colours && !alpha)
        || decoded.getColorModel() instanceof java.awt.image.IndexColorModel
        || decoded.getColorModel().isAlphaPremultiplied()) {
      return null;
    }
    int w = raster.getWidth();
    int h = raster.getHeight();
    int[] out = new int[w * h];
    stripes(w * h, w, (from, to) -> {
      int y0 = from / w;
      int rows = (to - from) / w;
      int n = to - from;
      int[] row = new int[w * bands];
      short[] samples = new short[colours * n];
      int[] a = new int[n];
      for (int y = 0; y < rows; y++) {
        raster.getPixels(raster.getMinX(), raster.getMinY() + y0 + y, w, 1, row);
        for (int x = 0; x < w; x++) {
          int i = y * w + x;
          for (int c = 0; c < colours; c++) {
            samples[colours * i + c] = (short) row[bands * x + c];
          }
          a[i] = alpha ? (row[bands * x + colours] * 255 + 32767) / 65535 : 0xFF;
        }
      }
      byte[] bgr = convert(new DataBufferUShort(samples, samples.length), n, colours);
      for (int i = 0; i < n; i++) {
        out[from + i] = a[i] << 24 | (bgr[3 * i + 2] & 0xFF) << 16 | (bgr[3 * i + 1] & 0xFF) << 8 | (bgr[3 * i] & 0xFF);
      }
    });
    return out;
  }

  /**
   * Converts {@code n} pixels of tightly interleaved samples (one row) to sRGB, as B, G, R bytes.
   * Opaque interleaved rows into {@code TYPE_3BYTE_BGR} are LittleCMS's fast path in the JDK;
   * alpha and packed-int destinations take a path several times slower, so alpha is kept aside.
   */
  private byte[] convert(DataBuffer samples, int n, int colours) {
    int[] offsets = colours == 1 ? new int[] {0} : new int[] {0, 1, 2};
    WritableRaster raster = Raster.createInterleavedRaster(samples, n, 1, n * colours, colours, offsets, null);
    ComponentColorModel model = new ComponentColorModel(new ICC_ColorSpace(profile), false, false,
        Transparency.OPAQUE, samples.getDataType());
    BufferedImage dst = new BufferedImage(n, 1, BufferedImage.TYPE_3BYTE_BGR);
    new ColorConvertOp(null).filter(new BufferedImage(model, raster, false, null), dst);
    return ((DataBufferByte) dst.getRaster().getDataBuffer()).getData();
  }

  @FunctionalInterface
  private interface Range {
    void run(int from, int to);
  }

  /** Splits {@code [0, n)} into stripes of whole rows of {@code w} and converts them in parallel. */
  private static void stripes(int n, int w, Range range) {
    int rowsPerStripe = Math.max(1, STRIPE_PIXELS / Math.max(1, w));
    int step = rowsPerStripe * w;
    int count = (n + step - 1) / step;
    IntStream.range(0, count).parallel().forEach(s -> range.run(s * step, Math.min(n, (s + 1) * step)));
  }

  /** Converts a few colours so that a profile LittleCMS cannot use fails now, with a reason, not on the pixels. */
  private void checkUsable() {
    try {
      toSrgb(new int[] {0xFF000000, 0xFFFFFFFF});
    } catch (CMMException | IllegalArgumentException | ProfileDataException e) {
      throw new IllegalArgumentException("colour management cannot use its ICC profile (" + reason(e) + ")", e);
    }
  }

  /** The profile with its rendering intent set to perceptual, so every file is converted the same way. */
  private static byte[] perceptual(byte[] bytes) {
    byte[] p = bytes.clone();
    if (p.length >= 68) {
      p[64] = 0;
      p[65] = 0;
      p[66] = 0;
      p[67] = 0;
    }
    return p;
  }

  private static String spaceName(int type) {
    return switch (type) {
      case ColorSpace.TYPE_CMYK -> "CMYK";
      case ColorSpace.TYPE_Lab -> "Lab";
      case ColorSpace.TYPE_XYZ -> "XYZ";
      default -> "non-RGB";
    };
  }

  static String reason(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.replaceAll("\\s+", " ").trim();
  }

  @Override
  public String toString() {
    return description;
  }

  /** The name a profile gives itself. */
  private static final class Describe {
    static String of(ICC_Profile p) {
      byte[] desc;
      try {
        desc = p.getData(ICC_Profile.icSigProfileDescriptionTag);
      } catch (ProfileDataException | CMMException e) {
        desc = null;
      }
      String name = desc == null ? null : IccText.read(desc);
      return name == null || name.isBlank() ? "an embedded ICC profile" : name;
    }
  }
}

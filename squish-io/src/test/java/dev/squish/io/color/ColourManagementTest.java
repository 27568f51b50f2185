package dev.squish.io.color;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.image.RgbaImage;
import dev.squish.io.color.IccProfiles.Chromaticities;
import dev.squish.io.color.IccProfiles.TransferCurve;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.DecodedImage;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.testkit.TaggedPng;
import dev.squish.testkit.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs in other colour spaces come out as a colour-managed viewer shows them. Expected colours
 * are computed here from each space's published primaries, white point and transfer curve
 * (plain matrix arithmetic, independent of LittleCMS and of the profile writer), or from the sRGB
 * photo the tagged fixtures were made from. Each test also checks that ignoring the colour
 * information would fail it, so that it tests the conversion and not a coincidence.
 */
class ColourManagementTest {
  private static final ImageDecoder DECODER = new ImageDecoder(DecodeLimits.defaults());
  private static final ImageDecoder KEEPING = new ImageDecoder(DecodeLimits.defaults(), true);

  /** A crop of a real photo, its samples used as stored values in the space under test. */
  private static final TestImages.Pixels PHOTO = crop(TestImages.pixels(TestImages.CHELSEA), 160, 80, 120, 90);

  @ParameterizedTest
  @ValueSource(strings = {"png", "jpg", "tif", "webp"})
  void anAdobeRgbPhotoInEveryFormatIsShownInSrgbAsItsOriginal(String ext) throws Exception {
    RgbaImage original = DECODER.decode(resource("chelsea-srgb.png"), resource("chelsea-srgb.png").length).image();
    byte[] tagged = resource("chelsea-adobe." + ext);
    DecodedImage decoded = DECODER.decode(tagged, tagged.length);
    // the fixtures were converted sRGB -> Adobe RGB by ImageMagick's LittleCMS, each value rounded to 8 bits once
    // there and once back here; JPEG adds its own loss
    double tolerance = ext.equals("jpg") ? 2.5 : 1.0;
    assertThat(rmse(decoded.image(), original)).isLessThan(tolerance);
    assertThat(decoded.color().description()).contains("Adobe RGB (1998)");
    assertThat(decoded.converted()).isTrue();
    assertThat(decoded.exact()).isFalse();
    // the stored samples are far from what a viewer shows: reading them as sRGB would fail the check
    // above by two levels or more
    RgbaImage stored = KEEPING.decode(tagged, tagged.length).image();
    assertThat(rmse(stored, original)).isGreaterThan(tolerance + 2);
  }

  @Test
  void displayP3IsConvertedByItsPrimaries() throws Exception {
    byte[] icc = IccProfiles.rgb("Display P3", IccProfiles.DISPLAY_P3_PRIMARIES, TransferCurve.SRGB);
    assertConvertedByMatrix(icc, IccProfiles.DISPLAY_P3_PRIMARIES, TransferCurve.SRGB, "Display P3");
  }

  @Test
  void rommRgbWithItsD50WhiteIsAdaptedToD65() throws Exception {
    byte[] icc = IccProfiles.rgb("ROMM RGB", IccProfiles.ROMM_PRIMARIES, TransferCurve.power(1.8));
    assertConvertedByMatrix(icc, IccProfiles.ROMM_PRIMARIES, TransferCurve.power(1.8), "ROMM RGB");
  }

  @Test
  void adobeRgbBuiltFromItsPrimariesAgreesWithTheArithmetic() throws Exception {
    TransferCurve adobe = TransferCurve.power(563 / 256.0);
    byte[] icc = IccProfiles.rgb("Adobe RGB (1998)", IccProfiles.ADOBE_RGB_PRIMARIES, adobe);
    assertConvertedByMatrix(icc, IccProfiles.ADOBE_RGB_PRIMARIES, adobe, "Adobe RGB (1998)");
  }

  private static void assertConvertedByMatrix(byte[] icc, Chromaticities space, TransferCurve curve, String name)
      throws Exception {
    byte[] png = TaggedPng.rgb(PHOTO.width(), PHOTO.height(), PHOTO.argb(), "iCCP", TaggedPng.iccp(icc));
    DecodedImage decoded = DECODER.decode(png, png.length);
    double[][] toSrgb = sourceToLinearSrgb(space);
    int worst = 0;
    double sum = 0;
    double ignoredError = 0;
    int n = PHOTO.argb().length;
    for (int i = 0; i < n; i++) {
      int stored = PHOTO.argb()[i];
      double[] lin = new double[3];
      for (int c = 0; c < 3; c++) {
        lin[c] = curve.linear(((stored >> (16 - 8 * c)) & 0xFF) / 255.0);
      }
      int shown = decoded.image().argb(i);
      for (int c = 0; c < 3; c++) {
        double v = toSrgb[c][0] * lin[0] + toSrgb[c][1] * lin[1] + toSrgb[c][2] * lin[2];
        double expected = 255 * srgbEncode(Math.min(1, Math.max(0, v)));
        double d = Math.abs(((shown >> (16 - 8 * c)) & 0xFF) - expected);
        worst = Math.max(worst, (int) Math.ceil(d - 0.5));
        sum += d * d;
        double asStored = ((stored >> (16 - 8 * c)) & 0xFF) - expected;
        ignoredError += asStored * asStored;
      }
    }
    assertThat(decoded.color().description()).isEqualTo(name);
    assertThat(Math.sqrt(sum / (3.0 * n))).as("rms error in levels").isLessThan(0.8);
    assertThat(worst).as("largest error in levels").isLessThanOrEqualTo(2);
    assertThat(Math.sqrt(ignoredError / (3.0 * n))).as("rms error if the profile were ignored").isGreaterThan(3);
  }

  @Test
  void aGammaOnlyPngOfGammaOneIsShownBrighter() throws Exception {
    byte[] png = TaggedPng.rgb(PHOTO.width(), PHOTO.height(), PHOTO.argb(), "gAMA", TaggedPng.gama(1.0));
    DecodedImage decoded = DECODER.decode(png, png.length);
    double worst = 0;
    for (int i = 0; i < PHOTO.argb().length; i++) {
      for (int shift = 0; shift <= 16; shift += 8) {
        double stored = ((PHOTO.argb()[i] >> shift) & 0xFF) / 255.0; // linear light, gamma 1.0
        double expected = 255 * srgbEncode(stored);
        worst = Math.max(worst, Math.abs(((decoded.image().argb(i) >> shift) & 0xFF) - expected));
      }
    }
    assertThat(worst).isLessThanOrEqualTo(1.5);
    assertThat(decoded.color().description()).contains("gamma 1.00000");
    assertThat(meanLevel(decoded.image())).isGreaterThan(meanLevel(PHOTO) + 30);
  }

  @Test
  void theSrgbGammaOfOldWritersLeavesThePixelsAsTheyAre() throws Exception {
    byte[] png = TaggedPng.rgb(PHOTO.width(), PHOTO.height(), PHOTO.argb(), "gAMA", TaggedPng.gama(0.45455));
    DecodedImage decoded = DECODER.decode(png, png.length);
    assertThat(decoded.color().isSrgb()).isTrue();
    assertThat(decoded.exact()).isTrue();
    assertThat(rmse(decoded.image(), PHOTO)).isZero();
  }

  @Test
  void anSrgbChunkOverridesAGammaBesideIt() throws Exception {
    byte[] png = TaggedPng.rgb(PHOTO.width(), PHOTO.height(), PHOTO.argb(), "sRGB", new byte[] {0}, "gAMA",
        TaggedPng.gama(1.0));
    DecodedImage decoded = DECODER.decode(png, png.length);
    assertThat(decoded.color().isSrgb()).isTrue();
    assertThat(rmse(decoded.image(), PHOTO)).isZero();
  }

  @Test
  void aBrokenProfileIsWarnedAboutAndTreatedAsSrgb() throws Exception {
    byte[] garbage = new byte[600];
    new java.util.Random(7).nextBytes(garbage);
    byte[] png = TaggedPng.rgb(PHOTO.width(), PHOTO.height(), PHOTO.argb(), "iCCP", TaggedPng.iccp(garbage));
    DecodedImage decoded = DECODER.decode(png, png.length);
    assertThat(decoded.color().isSrgb()).isTrue();
    assertThat(decoded.warnings()).singleElement().asString().contains("profile").contains("treated as sRGB");
    assertThat(rmse(decoded.image(), PHOTO)).isZero();
  }

  @Test
  void anIccpThatIsNotZlibIsWarnedAboutAndTreatedAsSrgb() throws Exception {
    byte[] chunk = "name\0\0this is not zlib".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] png = TaggedPng.rgb(PHOTO.width(), PHOTO.height(), PHOTO.argb(), "iCCP", chunk);
    DecodedImage decoded = DECODER.decode(png, png.length);
    assertThat(decoded.warnings()).singleElement().asString().contains("iCCP");
    assertThat(rmse(decoded.image(), PHOTO)).isZero();
  }

  @Test
  void anEmbeddedSrgbProfileNeedsNoConversion() throws Exception {
    byte[] icc = IccProfiles.rgb("sRGB built from its primaries", IccProfiles.SRGB_PRIMARIES, TransferCurve.SRGB);
    byte[] png = TaggedPng.rgb(PHOTO.width(), PHOTO.height(), PHOTO.argb(), "iCCP", TaggedPng.iccp(icc));
    DecodedImage decoded = DECODER.decode(png, png.length);
    assertThat(decoded.color().isSrgb()).isTrue();
    assertThat(decoded.exact()).isTrue();
    assertThat(rmse(decoded.image(), PHOTO)).isZero();
  }

  @Test
  void aGreyProfileConvertsGreyLevels() throws Exception {
    int[] grey = greyOf(PHOTO);
    byte[] icc = IccProfiles.grey("linear grey", TransferCurve.power(1.0));
    byte[] png = TaggedPng.grey8(PHOTO.width(), PHOTO.height(), grey, "iCCP", TaggedPng.iccp(icc));
    DecodedImage decoded = DECODER.decode(png, png.length);
    assertThat(decoded.color().isGrey()).isTrue();
    for (int i = 0; i < grey.length; i++) {
      double expected = 255 * srgbEncode(grey[i] / 255.0);
      int shown = decoded.image().argb(i);
      assertThat((double) (shown & 0xFF)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1.5));
      assertThat((shown >> 16) & 0xFF).isEqualTo(shown & 0xFF);
    }
  }

  @Test
  void aSixteenBitLinearImageKeepsItsShadowsThroughTheConversion() throws Exception {
    // dark 16-bit levels that all round to 0 or 1 at 8 bits, but are distinct shades once encoded for sRGB
    int w = 64;
    int[] grey = new int[w];
    for (int x = 0; x < w; x++) {
      grey[x] = 8 * x;
    }
    byte[] png = TaggedPng.grey16(w, 1, grey, "gAMA", TaggedPng.gama(1.0));
    DecodedImage decoded = DECODER.decode(png, png.length);
    java.util.Set<Integer> shades = new java.util.HashSet<>();
    for (int x = 0; x < w; x++) {
      double expected = 255 * srgbEncode(grey[x] / 65535.0);
      int shown = decoded.image().argb(x) & 0xFF;
      assertThat((double) shown).as("level of 16-bit sample %d", grey[x]).isCloseTo(expected,
          org.assertj.core.data.Offset.offset(1.0));
      shades.add(shown);
    }
    assertThat(shades.size()).isGreaterThan(20); // rounding to 8 bits first would leave 3
    assertThat(decoded.sampleBits()).isEqualTo(16);
  }

  @Test
  void keepingTheProfileLeavesTheStoredSamplesAndCarriesTheProfile() throws Exception {
    byte[] icc = IccProfiles.rgb("Display P3", IccProfiles.DISPLAY_P3_PRIMARIES, TransferCurve.SRGB);
    byte[] png = TaggedPng.rgb(PHOTO.width(), PHOTO.height(), PHOTO.argb(), "iCCP", TaggedPng.iccp(icc));
    DecodedImage decoded = KEEPING.decode(png, png.length);
    assertThat(decoded.inSourceColors()).isTrue();
    assertThat(rmse(decoded.image(), PHOTO)).isZero();
    assertThat(decoded.color().carriedBy()).singleElement().satisfies(c -> assertThat(c.type()).isEqualTo("iCCP"));
    assertThat(decoded.color().embeddedProfile()).isEqualTo(icc);
    // what a viewer shows of the kept samples is what the converting decoder gives
    int[] shown = decoded.color().toSrgb(decoded.image().copyArgb());
    RgbaImage converted = DECODER.decode(png, png.length).image();
    assertThat(rmse(RgbaImage.of(PHOTO.width(), PHOTO.height(), shown), converted)).isZero();
  }

  @Test
  void aGreyProfileCannotBeKeptInAPalettePngAndIsConverted() throws Exception {
    byte[] icc = IccProfiles.grey("linear grey", TransferCurve.power(1.0));
    byte[] png = TaggedPng.grey8(PHOTO.width(), PHOTO.height(), greyOf(PHOTO), "iCCP", TaggedPng.iccp(icc));
    DecodedImage decoded = KEEPING.decode(png, png.length);
    assertThat(decoded.inSourceColors()).isFalse();
    assertThat(decoded.converted()).isTrue();
    assertThat(decoded.warnings()).anySatisfy(w -> assertThat(w).contains("cannot be carried"));
  }

  @Test
  void conversionIsTheSameOnAnyNumberOfStripes() throws Exception {
    // larger than one stripe, so that it is converted in parallel pieces
    TestImages.Pixels big = TestImages.pixels(TestImages.CHELSEA);
    int[] tiled = new int[big.width() * big.height() * 9];
    int w = big.width() * 3;
    for (int y = 0; y < big.height() * 3; y++) {
      for (int x = 0; x < w; x++) {
        tiled[y * w + x] = big.argb()[(y % big.height()) * big.width() + x % big.width()];
      }
    }
    SourceColor p3 = SourceColor.ofProfile(IccProfiles.rgb("Display P3", IccProfiles.DISPLAY_P3_PRIMARIES,
        TransferCurve.SRGB), java.util.List.of());
    int[] whole = p3.toSrgb(tiled);
    int[] first = p3.toSrgb(java.util.Arrays.copyOf(big.argb(), big.argb().length));
    for (int y = 0; y < big.height(); y++) {
      for (int x = 0; x < big.width(); x++) {
        assertThat(whole[(y + big.height()) * w + x + 2 * big.width()]).isEqualTo(first[y * big.width() + x]);
      }
    }
  }

  /** Linear source RGB → linear sRGB, through XYZ, with Bradford adaptation when the white points differ. */
  private static double[][] sourceToLinearSrgb(Chromaticities source) {
    double[][] toXyz = IccProfiles.rgbToXyz(source);
    double[][] srgbToXyz = IccProfiles.rgbToXyz(IccProfiles.SRGB_PRIMARIES);
    double[][] adapt = IccProfiles.adaptation(IccProfiles.xyz(source.whiteX(), source.whiteY()),
        IccProfiles.xyz(IccProfiles.SRGB_PRIMARIES.whiteX(), IccProfiles.SRGB_PRIMARIES.whiteY()));
    return IccProfiles.multiply(IccProfiles.invert(srgbToXyz), IccProfiles.multiply(adapt, toXyz));
  }

  private static double srgbEncode(double linear) {
    return linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
  }

  private static TestImages.Pixels crop(TestImages.Pixels p, int x0, int y0, int w, int h) {
    int[] out = new int[w * h];
    for (int y = 0; y < h; y++) {
      System.arraycopy(p.argb(), (y0 + y) * p.width() + x0, out, y * w, w);
    }
    return new TestImages.Pixels(w, h, out);
  }

  private static int[] greyOf(TestImages.Pixels p) {
    int[] grey = new int[p.argb().length];
    for (int i = 0; i < grey.length; i++) {
      grey[i] = (p.argb()[i] >> 8) & 0xFF;
    }
    return grey;
  }

  private static double meanLevel(RgbaImage image) {
    long sum = 0;
    for (int i = 0; i < image.pixelCount(); i++) {
      int c = image.argb(i);
      sum += ((c >> 16) & 0xFF) + ((c >> 8) & 0xFF) + (c & 0xFF);
    }
    return sum / (3.0 * image.pixelCount());
  }

  private static double meanLevel(TestImages.Pixels p) {
    return meanLevel(RgbaImage.of(p.width(), p.height(), p.argb()));
  }

  private static double rmse(RgbaImage a, TestImages.Pixels b) {
    return rmse(a, RgbaImage.of(b.width(), b.height(), b.argb()));
  }

  private static double rmse(RgbaImage a, RgbaImage b) {
    assertThat(a.width()).isEqualTo(b.width());
    assertThat(a.height()).isEqualTo(b.height());
    double sum = 0;
    for (int i = 0; i < a.pixelCount(); i++) {
      for (int shift = 0; shift <= 16; shift += 8) {
        int d = ((a.argb(i) >> shift) & 0xFF) - ((b.argb(i) >> shift) & 0xFF);
        sum += d * d;
      }
    }
    return Math.sqrt(sum / (3.0 * a.pixelCount()));
  }

  private static byte[] resource(String name) {
    return TestImages.colorFixture(name);
  }

}

package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.compress.PreparedImage;
import dev.squish.image.RgbaImage;
import dev.squish.io.color.IccProfiles;
import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.DecodedImage;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.testkit.TaggedPng;
import dev.squish.testkit.TestImages;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colour profiles, gamma and metadata from the command line: converted, kept, carried, stripped, reported. */
class ColourCliTest {
  private static final ImageDecoder DECODER = new ImageDecoder(DecodeLimits.defaults());
  private static final byte[] P3 = IccProfiles.rgb("Display P3", IccProfiles.DISPLAY_P3_PRIMARIES,
      IccProfiles.TransferCurve.SRGB);

  @TempDir
  Path dir;

  /** The Chelsea photo's samples stored as Display P3, profile in iCCP. */
  private Path p3Photo() throws Exception {
    TestImages.Pixels p = TestImages.pixels(TestImages.CHELSEA);
    Path in = dir.resolve("p3.png");
    Files.write(in, TaggedPng.rgb(p.width(), p.height(), p.argb(), "iCCP", TaggedPng.iccp(P3)));
    return in;
  }

  @Test
  void aProfiledInputIsConvertedToSrgbAndTheLineSaysFromWhat() throws Exception {
    Path in = p3Photo();
    Path out = dir.resolve("out.png");
    CliRun run = CliRun.of(in.toString(), "-k", "32", "-o", out.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("from Display P3");
    assertThat(chunkTypes(Files.readAllBytes(out))).doesNotContain("iCCP", "gAMA", "cHRM");
    // the reported PSNR is against what a viewer shows of the input, not against its stored samples
    RgbaImage shown = DECODER.decode(in).image();
    RgbaImage written = DECODER.decode(out).image();
    double psnr = PreparedImage.of(shown).measure(written).psnr();
    assertThat(reportedPsnr(run.out())).isCloseTo(psnr, org.assertj.core.data.Offset.offset(0.006));
  }

  @Test
  void keepProfileQuantizesInTheSourceColoursCarriesTheProfileAndMeasuresWhatAViewerShows() throws Exception {
    Path in = p3Photo();
    Path out = dir.resolve("kept.png");
    CliRun run = CliRun.of(in.toString(), "-k", "32", "-o", out.toString(), "--keep-profile", "--json");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"color_handling\":\"kept\"").contains("\"color_profile\":\"Display P3\"");
    byte[] png = Files.readAllBytes(out);
    assertThat(inflatedIccp(png)).isEqualTo(P3);
    assertThat(chunkTypes(png).indexOf("iCCP")).isLessThan(chunkTypes(png).indexOf("PLTE"));
    // decoded through the carried profile (as a viewer shows it) against the input shown the same way
    RgbaImage shownIn = DECODER.decode(in).image();
    DecodedImage shownOut = DECODER.decode(out);
    assertThat(shownOut.converted()).isTrue();
    double psnr = PreparedImage.of(shownIn).measure(shownOut.image()).psnr();
    Matcher m = Pattern.compile("\"psnr_db\":([0-9.]+)").matcher(run.out());
    assertThat(m.find()).isTrue();
    assertThat(Double.parseDouble(m.group(1))).isCloseTo(psnr, org.assertj.core.data.Offset.offset(0.006));
  }

  @Test
  void keepProfileCannotWriteGif() throws Exception {
    CliRun run = CliRun.of(p3Photo().toString(), "-k", "32", "-o", dir.resolve("x.gif").toString(), "--keep-profile");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("GIF cannot carry");
    assertThat(dir.resolve("x.gif")).doesNotExist();
  }

  @Test
  void aBrokenProfileIsAWarningNotAFailure() throws Exception {
    TestImages.Pixels p = TestImages.pixels(TestImages.CHELSEA);
    byte[] garbage = new byte[400];
    new java.util.Random(3).nextBytes(garbage);
    Path in = dir.resolve("broken.png");
    Files.write(in, TaggedPng.rgb(p.width(), p.height(), p.argb(), "iCCP", TaggedPng.iccp(garbage)));
    CliRun run = CliRun.of(in.toString(), "-k", "16", "-o", dir.resolve("b.png").toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.err().strip()).startsWith("squish: " + in + ": warning: ").contains("treated as sRGB")
        .doesNotContain("Exception").doesNotContain("\n");
    assertThat(dir.resolve("b.png")).exists();
  }

  @Test
  void metadataIsKeptUnlessStripped() throws Exception {
    TestImages.Pixels p = TestImages.pixels(TestImages.CHELSEA);
    byte[] phys = {0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1}; // 2835 px/m = 72 dpi
    byte[] text = "Title\0Chelsea the cat".getBytes(StandardCharsets.ISO_8859_1);
    Path in = dir.resolve("meta.png");
    Files.write(in, TaggedPng.rgb(p.width(), p.height(), p.argb(), "pHYs", phys, "tEXt", text));
    Path kept = dir.resolve("kept.png");
    Path stripped = dir.resolve("stripped.png");
    assertThat(CliRun.of(in.toString(), "-k", "16", "-o", kept.toString()).exitCode()).isZero();
    assertThat(CliRun.of(in.toString(), "-k", "16", "-o", stripped.toString(), "--strip").exitCode()).isZero();
    assertThat(chunkTypes(Files.readAllBytes(kept))).contains("pHYs", "tEXt");
    assertThat(chunk(Files.readAllBytes(kept), "tEXt")).isEqualTo(text);
    assertThat(chunk(Files.readAllBytes(kept), "pHYs")).isEqualTo(phys);
    assertThat(chunkTypes(Files.readAllBytes(stripped))).containsExactly("IHDR", "PLTE", "IDAT", "IEND");
    // the same pixels either way
    assertThat(DECODER.decode(kept).image().copyArgb()).isEqualTo(DECODER.decode(stripped).image().copyArgb());
  }

  @Test
  void anAppliedExifOrientationIsResetInTheKeptExif() throws Exception {
    Path in = dir.resolve("o6.jpg");
    try (var s = getClass().getResourceAsStream("/dev/squish/cli/orientation6.jpg")) {
      Files.write(in, s.readAllBytes());
    }
    assertThat(orientation(exifOf(Files.readAllBytes(in)))).isEqualTo(6);
    Path out = dir.resolve("o.png");
    assertThat(CliRun.of(in.toString(), "-k", "8", "-o", out.toString()).exitCode()).isZero();
    byte[] exif = chunk(Files.readAllBytes(out), "eXIf");
    assertThat(exif).isNotNull();
    assertThat(orientation(exif)).isEqualTo(1);
  }

  @Test
  void sixteenBitSamplesRoundedTo8AreNotCalledLossless() throws Exception {
    // four grey levels that are not 8-bit values widened: every pixel's colour fits the palette, but not its samples
    int[] rounded = new int[64];
    int[] widened = new int[64];
    for (int i = 0; i < 64; i++) {
      rounded[i] = 1000 + 20000 * (i % 4);
      widened[i] = 257 * (10 + 70 * (i % 4));
    }
    Path a = dir.resolve("rounded.png");
    Path b = dir.resolve("widened.png");
    Files.write(a, TaggedPng.grey16(8, 8, rounded));
    Files.write(b, TaggedPng.grey16(8, 8, widened));
    CliRun ra = CliRun.of(a.toString(), "-k", "16", "-o", dir.resolve("ra.png").toString());
    CliRun rb = CliRun.of(b.toString(), "-k", "16", "-o", dir.resolve("rb.png").toString());
    assertThat(ra.out()).contains("lossless at 8 bits (16-bit samples rounded)");
    assertThat(rb.out()).contains(", lossless,").doesNotContain("rounded");
    CliRun json = CliRun.of(a.toString(), "-k", "16", "-o", dir.resolve("rj.png").toString(), "--json");
    assertThat(json.out()).contains("\"lossless\":false").contains("\"sample_bits\":16");
  }

  private static double reportedPsnr(String line) {
    Matcher m = Pattern.compile("PSNR ([0-9.]+) dB").matcher(line);
    assertThat(m.find()).as(line).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static List<String> chunkTypes(byte[] png) {
    List<String> types = new ArrayList<>();
    for (int p = 8; p + 8 <= png.length; ) {
      int len = readInt(png, p);
      types.add(new String(png, p + 4, 4, StandardCharsets.ISO_8859_1));
      p += 12 + len;
    }
    return types;
  }

  private static byte[] chunk(byte[] png, String type) {
    for (int p = 8; p + 8 <= png.length; ) {
      int len = readInt(png, p);
      if (new String(png, p + 4, 4, StandardCharsets.ISO_8859_1).equals(type)) {
        return java.util.Arrays.copyOfRange(png, p + 8, p + 8 + len);
      }
      p += 12 + len;
    }
    return null;
  }

  private static byte[] inflatedIccp(byte[] png) throws Exception {
    byte[] c = chunk(png, "iCCP");
    assertThat(c).isNotNull();
    int nul = 0;
    while (c[nul] != 0) {
      nul++;
    }
    Inflater inf = new Inflater();
    inf.setInput(c, nul + 2, c.length - nul - 2);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    while (!inf.finished()) {
      out.write(buf, 0, inf.inflate(buf));
    }
    inf.end();
    return out.toByteArray();
  }

  /** The TIFF data of a JPEG's EXIF segment. */
  private static byte[] exifOf(byte[] jpeg) {
    for (int p = 2; p + 4 < jpeg.length; ) {
      int marker = jpeg[p + 1] & 0xFF;
      int len = ((jpeg[p + 2] & 0xFF) << 8) | (jpeg[p + 3] & 0xFF);
      if (marker == 0xE1 && jpeg[p + 4] == 'E' && jpeg[p + 5] == 'x') {
        return java.util.Arrays.copyOfRange(jpeg, p + 10, p + 2 + len);
      }
      p += 2 + len;
    }
    return null;
  }

  /** The orientation tag of IFD0 of TIFF data {@code t}. */
  private static int orientation(byte[] t) {
    boolean little = t[0] == 'I';
    int ifd = u32(t, 4, little);
    int n = u16(t, ifd, little);
    for (int e = 0; e < n; e++) {
      int entry = ifd + 2 + 12 * e;
      if (u16(t, entry, little) == 0x0112) {
        return u16(t, entry + 8, little);
      }
    }
    return -1;
  }

  private static int u16(byte[] b, int p, boolean little) {
    return little ? (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 : (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
  }

  private static int u32(byte[] b, int p, boolean little) {
    return little ? u16(b, p, true) | u16(b, p + 2, true) << 16 : u16(b, p, false) << 16 | u16(b, p + 2, false);
  }

  private static int readInt(byte[] b, int p) {
    return (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
  }
}

package dev.squish.io.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.squish.io.decode.ImageDecodeException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged and hostile inputs end in an {@link ImageDecodeException} that says what is wrong. */
class ImageDecoderBadInputTest {
  private static final ImageDecoder DECODER = new ImageDecoder(DecodeLimits.defaults());

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = ImageDecoderBadInputTest.class.getResourceAsStream("/dev/squish/io/formats/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void emptyInput() {
    assertThatThrownBy(() -> DECODER.decode(new byte[0], 0)).isInstanceOf(ImageDecodeException.class)
        .hasMessage("empty file (0 bytes)")
        .hasFieldOrPropertyWithValue("reason", Reason.EMPTY);
  }

  @Test
  void textIsNotAnImage() {
    byte[] text = "this is not a picture\n".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> DECODER.decode(text, text.length)).isInstanceOf(ImageDecodeException.class)
        .hasMessage("not an image: the file holds text; squish reads PNG, JPEG, GIF, BMP, TIFF or WebP")
        .hasFieldOrPropertyWithValue("reason", Reason.NOT_AN_IMAGE);
  }

  @Test
  void unknownBinaryIsNotAnImage() {
    byte[] junk = {0, 1, 2, 3, (byte) 0xFE, 0x10, 0x7F, 0};
    assertThatThrownBy(() -> DECODER.decode(junk, junk.length)).isInstanceOf(ImageDecodeException.class)
        .hasMessage("not an image squish can read: the content is not PNG, JPEG, GIF, BMP, TIFF or WebP")
        .hasFieldOrPropertyWithValue("reason", Reason.NOT_AN_IMAGE);
  }

  @Test
  void truncatedPng() throws IOException {
    byte[] png = fixture("rgb8.png");
    assertThatThrownBy(() -> DECODER.decode(png, png.length - 20)).isInstanceOf(ImageDecodeException.class)
        .hasMessageStartingWith("truncated PNG")
        .hasFieldOrPropertyWithValue("reason", Reason.CORRUPT);
  }

  @Test
  void pngWithBadCrc() throws IOException {
    byte[] png = fixture("rgb8.png").clone();
    png[png.length - 20] ^= 0x5A; // inside the IDAT data
    assertThatThrownBy(() -> DECODER.decode(png, png.length)).isInstanceOf(ImageDecodeException.class)
        .hasMessageStartingWith("corrupt PNG: chunk IDAT").hasMessageContaining("bad CRC")
        .hasFieldOrPropertyWithValue("reason", Reason.CORRUPT);
  }

  @Test
  void truncatedJpegIsAnErrorNotAGreyPicture() throws IOException {
    byte[] jpeg = fixture("baseline.jpg");
    assertThatThrownBy(() -> DECODER.decode(jpeg, jpeg.length / 2)).isInstanceOf(ImageDecodeException.class)
        .hasMessageContaining("JPEG")
        .hasFieldOrPropertyWithValue("reason", Reason.CORRUPT);
  }

  @Test
  void jpegIccProfileBehindJunkBytesIsNotHandedToTheReader() throws Exception {
    // a fuzzing finding: junk after the first segment stops a clean walk, the reader resyncs on the
    // next marker and finds an ICC profile that claims 2 GB in a few hundred bytes
    byte[] jpeg = fixture("baseline.jpg");
    int firstEnd = 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
    ByteArrayOutputStream icc = new ByteArrayOutputStream();
    icc.write(new byte[] {(byte) 0xFF, (byte) 0xE2, 0x01, 0x00});
    icc.write("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
    icc.write(new byte[] {1, 1, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0});
    icc.write(new byte[0x100 - 2 - 12 - 2 - 4]);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, firstEnd);
    out.write(new byte[] {1, 0, 0});
    out.write(icc.toByteArray());
    out.write(jpeg, firstEnd, jpeg.length - firstEnd);
    byte[] hostile = out.toByteArray();
    DecodedImage image = DECODER.decode(hostile, hostile.length);
    org.assertj.core.api.Assertions.assertThat(image.warnings())
        .anyMatch(w -> w.contains(
            "ICC profile segments that are malformed or after a damaged segment; treated as sRGB"));
  }

  @Test
  void webpIccProfileClaimingMoreThanItsChunkHoldsIsNotHandedToTheReader() throws Exception {
    String dir = "/dev/squish/io/fuzz/DecodeWebpFuzzTestInputs/decodesWebpOrRefusesIt/";
    byte[] good = resource(dir + "seed-chelsea-24x16-vp8x-iccp.webp"); // VP8X, ICCP (Adobe RGB), VP8
    byte[] bomb = resource(dir + "regression-iccp-claims-268mb.webp");
    assertThat(Arrays.copyOfRange(bomb, 38, 42)).isEqualTo(new byte[] {0x10, 0, 0, 0}); // profile size field
    assertThat(Arrays.equals(good, 0, 38, bomb, 0, 38)).isTrue();
    DecodedImage decoded = DECODER.decode(good, good.length);
    assertThat(decoded.warnings()).isEmpty();
    assertThat(decoded.color().isSrgb()).isFalse();
    DecodedImage hostile = DECODER.decode(bomb, bomb.length);
    assertThat(hostile.warnings())
        .contains("its ICC profile is broken (it claims 268435456 bytes and holds 580); treated as sRGB");
    assertThat(hostile.color().isSrgb()).isTrue();
    assertThat(hostile.image().width()).isEqualTo(24);
  }

  @Test
  void tiffDeclaringMillionsOfSamplesAPixelIsRefusedBeforeThePluginSizesArraysByIt() throws Exception {
    byte[] tiff = fixture("image.tif");
    int entry = 8 + 2 + 12 * 6; // little-endian, IFD0 at 8; its seventh entry is SamplesPerPixel (277) = 3
    assertThat(tiff[entry] & 0xFF | (tiff[entry + 1] & 0xFF) << 8).isEqualTo(277);
    putLittleEndian(tiff, entry + 2, 4, 2); // type LONG
    putLittleEndian(tiff, entry + 8, 637_535_461, 4);
    assertThatThrownBy(() -> DECODER.decode(tiff, tiff.length)).isInstanceOf(ImageDecodeException.class)
        .hasMessage("corrupt TIFF: it declares 637535461 samples a pixel (at most 64 are read)");
    putLittleEndian(tiff, entry + 2, 9, 2); // SLONG: the plugin takes any single number as the count
    assertThatThrownBy(() -> DECODER.decode(tiff, tiff.length)).isInstanceOf(ImageDecodeException.class)
        .hasMessage("corrupt TIFF: it declares 637535461 samples a pixel (at most 64 are read)");
    putLittleEndian(tiff, entry + 2, 11, 2); // FLOAT
    assertThatThrownBy(() -> DECODER.decode(tiff, tiff.length)).isInstanceOf(ImageDecodeException.class)
        .hasMessage("corrupt TIFF: it declares a SamplesPerPixel of type 11 (at most 64 are read)");
    putLittleEndian(tiff, entry + 2, 3, 2); // back to a SHORT of 3: the file decodes as before
    putLittleEndian(tiff, entry + 8, 3, 4);
    assertThat(DECODER.decode(tiff, tiff.length).image().width()).isEqualTo(12);
  }

  @Test
  void rejectsHeaderDeclaringHugeDimensionsBeforeAllocating() throws IOException {
    byte[] png = pngDeclaring(100_000, 100_000);
    assertThatThrownBy(() -> DECODER.decode(png, png.length)).isInstanceOf(ImageDecodeException.class)
        .hasMessage("image is 100000x100000 = 10000000000 pixels, more than the limit of 100000000"
            + " (raise it with --max-pixels)")
        .hasFieldOrPropertyWithValue("reason", Reason.TOO_LARGE);
  }

  @Test
  void pixelLimitIsConfigurable() throws IOException {
    byte[] png = fixture("rgb8.png");
    ImageDecoder strict = new ImageDecoder(new DecodeLimits(95));
    assertThatThrownBy(() -> strict.decode(png, png.length)).hasMessageContaining("12x8 = 96 pixels")
        .hasFieldOrPropertyWithValue("reason", Reason.TOO_LARGE);
  }

  @Test
  void unsupportedFormatIsNamedAsSuch() {
    byte[] psd = Arrays.copyOf("8BPS".getBytes(StandardCharsets.US_ASCII), 64);
    assertThatThrownBy(() -> DECODER.decode(psd, psd.length))
        .hasMessage("unsupported format: the file is Photoshop PSD; squish reads PNG, JPEG, GIF, BMP, TIFF or WebP")
        .hasFieldOrPropertyWithValue("reason", Reason.UNSUPPORTED_FORMAT);
  }

  @Test
  void missingFileAndFolder(@TempDir Path dir) {
    assertThatThrownBy(() -> DECODER.decode(dir.resolve("nope.png"))).hasMessage("no such file")
        .hasFieldOrPropertyWithValue("reason", Reason.UNREADABLE);
    assertThatThrownBy(() -> DECODER.decode(dir)).hasMessage("is a folder, not an image file")
        .hasFieldOrPropertyWithValue("reason", Reason.UNREADABLE);
  }

  @Test
  void theInputFileIsLeftUntouched(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("x.png");
    byte[] png = fixture("rgb8.png");
    Files.write(p, png);
    var before = Files.getLastModifiedTime(p);
    DECODER.decode(p).image();
    org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(p)).isEqualTo(png);
    org.assertj.core.api.Assertions.assertThat(Files.getLastModifiedTime(p)).isEqualTo(before);
  }

  /** A valid PNG signature and IHDR declaring {@code w×h}, then an empty IDAT and IEND, all CRCs correct. */
  static byte[] pngDeclaring(int w, int h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    byte[] ihdr = new byte[13];
    putInt(ihdr, 0, w);
    putInt(ihdr, 4, h);
    ihdr[8] = 8;
    ihdr[9] = 2;
    chunk(out, "IHDR", ihdr);
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
    byte[] len = new byte[4];
    putInt(len, 0, data.length);
    out.write(len);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.write(t);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    byte[] c = new byte[4];
    putInt(c, 0, (int) crc.getValue());
    out.write(c);
  }

  private static void putInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = ImageDecoderBadInputTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }

  private static void putLittleEndian(byte[] b, int off, int v, int bytes) {
    for (int i = 0; i < bytes; i++) {
      b[off + i] = (byte) (v >>> 8 * i);
    }
  }
}

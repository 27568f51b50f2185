package dev.squish.io.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The EXIF thumbnail is cut off what a PNG output keeps, and nothing else is lost. */
class ExifThumbnailTest {
  private static final byte[] THUMBNAIL = new byte[3000];

  /**
   * Big-endian TIFF data laid out as cameras write it: IFD0 (orientation, Exif pointer), the Exif
   * IFD with an out-of-line ASCII value, then IFD1 and its thumbnail. With {@code valueLast} the
   * Exif IFD's value is put after the thumbnail instead, where a cut would lose it.
   */
  private static byte[] exif(boolean valueLast) {
    String maker = "squish test camera, a value longer than four bytes\0";
    int ifd0 = 8;
    int exifIfd = ifd0 + 2 + 2 * 12 + 4;
    int value = exifIfd + 2 + 12 + 4;
    int ifd1 = value + maker.length();
    int thumb = ifd1 + 2 + 2 * 12 + 4;
    if (valueLast) {
      ifd1 = value;
      thumb = ifd1 + 2 + 2 * 12 + 4;
      value = thumb + THUMBNAIL.length;
    }
    byte[] t = new byte[Math.max(value + maker.length(), thumb + THUMBNAIL.length)];
    t[0] = 'M';
    t[1] = 'M';
    t[3] = 42;
    put32(t, 4, ifd0);
    put16(t, ifd0, 2);
    entry(t, ifd0 + 2, 0x0112, 3, 1, 6 << 16); // orientation 6, a SHORT in the high half
    entry(t, ifd0 + 14, 0x8769, 4, 1, exifIfd);
    put32(t, ifd0 + 26, ifd1);
    put16(t, exifIfd, 1);
    entry(t, exifIfd + 2, 0x927C, 2, maker.length(), value);
    System.arraycopy(maker.getBytes(StandardCharsets.ISO_8859_1), 0, t, value, maker.length());
    put16(t, ifd1, 2);
    entry(t, ifd1 + 2, 0x0201, 4, 1, thumb);
    entry(t, ifd1 + 14, 0x0202, 4, 1, THUMBNAIL.length);
    return t;
  }

  @Test
  void theThumbnailAndItsIfdAreCutOff() {
    byte[] full = exif(false);
    byte[] cut = ExifThumbnail.remove(full);
    assertThat(cut.length).isLessThan(full.length - THUMBNAIL.length);
    assertThat(new String(cut, StandardCharsets.ISO_8859_1)).contains("squish test camera");
    assertThat(u32(cut, 8 + 2 + 24)).as("link to IFD1").isZero();
    assertThat(ExifOrientation.upright(cut)).isNotNull();
    byte[] unlinked = full.clone();
    put32(unlinked, 8 + 2 + 24, 0);
    assertThat(cut).as("everything before IFD1, unchanged but for the link").isEqualTo(
        java.util.Arrays.copyOf(unlinked, cut.length));
  }

  @Test
  void whenAValueLiesAfterTheThumbnailOnlyTheLinkGoes() {
    byte[] full = exif(true);
    byte[] cut = ExifThumbnail.remove(full);
    assertThat(cut.length).isEqualTo(full.length);
    assertThat(new String(cut, StandardCharsets.ISO_8859_1)).contains("squish test camera");
    assertThat(u32(cut, 8 + 2 + 24)).isZero();
  }

  @Test
  void withoutAThumbnailTheBlockIsKeptAsItIs() {
    byte[] full = exif(false);
    put32(full, 8 + 2 + 24, 0);
    assertThat(ExifThumbnail.remove(full)).isSameAs(full);
  }

  @Test
  void garbageIsLeftAlone() {
    byte[] junk = "MM\0*\0\0\0\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(ExifThumbnail.remove(junk)).isSameAs(junk);
  }

  private static void entry(byte[] t, int at, int tag, int type, int count, int value) {
    put16(t, at, tag);
    put16(t, at + 2, type);
    put32(t, at + 4, count);
    put32(t, at + 8, value);
  }

  private static void put16(byte[] b, int p, int v) {
    b[p] = (byte) (v >> 8);
    b[p + 1] = (byte) v;
  }

  private static void put32(byte[] b, int p, int v) {
    put16(b, p, v >>> 16);
    put16(b, p + 2, v);
  }

  private static long u32(byte[] b, int p) {
    return (b[p] & 0xFFL) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
  }
}

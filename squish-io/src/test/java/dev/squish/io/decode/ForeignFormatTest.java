package dev.squish.io.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ForeignFormatTest {

  /** The bytes of {@code latin1}, padded with zeros as a real file's header would continue. */
  private static byte[] binary(String latin1) {
    return Arrays.copyOf(latin1.getBytes(StandardCharsets.ISO_8859_1), 32);
  }

  private static byte[] text(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  static Stream<Arguments> files() {
    return Stream.of(
        Arguments.of(binary("8BPS\u0000\u0001"), "Photoshop PSD"),
        Arguments.of(text("P6\n12 8\n255\n\u0080\u0081\u0082"), "Netpbm (PBM/PGM/PPM/PAM)"),
        Arguments.of(binary("\u0000\u0000\u0000\u0018ftypheic"), "HEIF/HEIC"),
        Arguments.of(binary("\u0000\u0000\u0000\u001Cftypavif"), "AVIF"),
        Arguments.of(binary("\u0000\u0000\u0000\u0018ftypisom"), "ISO media (MP4/MOV)"),
        Arguments.of(binary("\u00FF\n\u00FA"), "JPEG XL"),
        Arguments.of(binary("\u00FF\u004F\u00FF\u0051"), "JPEG 2000"),
        Arguments.of(binary("%PDF-1.7\n%\u00E2\u00E3"), "PDF"),
        Arguments.of(binary("\u0000\u0000\u0001\u0000\u0001\u0000"), "Windows icon (ICO/CUR)"),
        Arguments.of(binary("qoif\u0000\u0000\u0000\u0010"), "QOI"),
        Arguments.of(binary("PK\u0003\u0004\u0014"), "ZIP archive"),
        Arguments.of(text("hello, this is a note\n"), "text"),
        Arguments.of(text("caf\u00C3\u00A9 (UTF-8)\r\n"), "text"),
        Arguments.of(text("<?xml version='1.0'?>\n<svg xmlns='http://www.w3.org/2000/svg'/>"), "SVG"),
        Arguments.of(text("  <svg width='10'></svg>"), "SVG"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("files")
  void namesFormatsFromTheirFirstBytes(byte[] data, String expected) {
    assertThat(ForeignFormat.name(data, data.length)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("unknown")
  void unknownBinaryHasNoName(byte[] data) {
    assertThat(ForeignFormat.name(data, data.length)).isNull();
  }

  static Stream<byte[]> unknown() {
    return Stream.of(binary("\u0000\u0001\u0002\u0003"), binary("MZ\u0090\u0000\u0003"), text("abc\u0000def"));
  }
}

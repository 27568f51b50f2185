package dev.squish.io.decode;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.squish.io.color.SourceColor;
import dev.squish.testkit.InputDeadline;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes squish's own metadata parsers: {@link FileMetadata} (PNG chunks with iCCP inflation,
 * JPEG APP segments with ICC parts and EXIF, WebP RIFF chunks), {@link ExifOrientation}, and the
 * embedded profile through {@link SourceColor#ofProfile}. Malformed metadata never fails a file,
 * so nothing may throw here but the {@code IllegalArgumentException} by which {@code ofProfile}
 * refuses a profile; an inflated profile stays within {@link FileMetadata#MAX_PROFILE_BYTES}.
 */
class FileMetadataFuzzTest {
  private static final ImageFormat[] FORMATS = {ImageFormat.PNG, ImageFormat.JPEG, ImageFormat.WEBP};

  @FuzzTest(maxDuration = "10s", maxExecutions = 6000)
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // the whole fuzzing run (at most 10 s); one input: InputDeadline
  void readsMetadataOrLeavesItOut(FuzzedDataProvider data) {
    ImageFormat format = data.pickValue(FORMATS);
    byte[] bytes = data.consumeRemainingAsBytes();
    InputDeadline.run(bytes.length, () -> check(format, bytes));
  }

  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    ImageFormat format = data.pickValue(FORMATS);
    check(format, data.consumeRemainingAsBytes());
  }

  private static void check(ImageFormat format, byte[] bytes) {
    FileMetadata m = FileMetadata.read(format, bytes, bytes.length);
    if (m.icc != null) {
      if (m.icc.length > FileMetadata.MAX_PROFILE_BYTES) {
        throw new AssertionError("a profile of " + m.icc.length + " bytes was kept");
      }
      try {
        SourceColor.ofProfile(m.icc, m.colourChunks);
      } catch (IllegalArgumentException e) {
        // the documented refusal of a profile that cannot be used
      }
    }
    if (format == ImageFormat.JPEG) {
      int o = ExifOrientation.of(bytes, bytes.length);
      if (o < 1 || o > 8) {
        throw new AssertionError("EXIF orientation " + o);
      }
      if (m.exif != null) {
        ExifOrientation.upright(m.exif);
        ExifThumbnail.remove(m.exif);
      }
    }
    List<String> w = m.warnings;
    for (String s : w) {
      if (s.contains("\n")) {
        throw new AssertionError("a warning of more than one line: " + s);
      }
    }
  }
}

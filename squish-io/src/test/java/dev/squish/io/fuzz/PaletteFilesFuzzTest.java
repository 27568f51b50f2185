package dev.squish.io.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.squish.image.Palette;
import dev.squish.io.palette.PaletteFileException;
import dev.squish.io.palette.PaletteFiles;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes every palette file parser through {@link PaletteFiles#read(byte[], String)}: the first
 * byte picks the extension (.gpl, .act, .hex, .txt, .json and the swatch images), the rest is the
 * file. It must give a palette of 1 to 256 colours or a {@link PaletteFileException} naming the
 * file; a palette it read must also write as .hex and .json and read back to the same colours.
 */
class PaletteFilesFuzzTest {
  @FuzzTest(maxDuration = "10s", maxExecutions = 50000)
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // the whole fuzzing run (at most 10 s); one input: FuzzChecks.bounded
  void readsAPaletteOrRefusesIt(FuzzedDataProvider data) {
    FuzzChecks.bounded(data.remainingBytes(), () -> fuzzerTestOneInput(data));
  }

  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    String ext = data.pickValue(PaletteFiles.READ_EXTENSIONS);
    check(data.consumeRemainingAsBytes(), "fuzz" + ext);
  }

  static void check(byte[] bytes, String name) {
    Palette p;
    try {
      p = PaletteFiles.read(bytes, name);
    } catch (PaletteFileException e) {
      if (!e.getMessage().contains(name) || e.getMessage().contains("\n")) {
        throw new AssertionError("the message must be one line naming the file: " + e.getMessage(), e);
      }
      return;
    }
    if (p.size() < 1 || p.size() > Palette.MAX_SIZE) {
      throw new AssertionError("a palette of " + p.size() + " colours");
    }
    for (String ext : new String[] {".hex", ".json"}) { // the formats that carry any alpha
      try {
        Palette again = PaletteFiles.read(PaletteFiles.bytes(p, "again" + ext), "again" + ext);
        if (!again.equals(p)) {
          throw new AssertionError(ext + " round trip changed " + p + " into " + again);
        }
      } catch (PaletteFileException e) {
        throw new AssertionError("writing then reading " + p + " as " + ext + " failed: " + e.getMessage(), e);
      }
    }
  }
}

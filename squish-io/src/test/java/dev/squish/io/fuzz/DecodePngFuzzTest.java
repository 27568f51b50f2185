package dev.squish.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@code ImageDecoder} from PNG seeds (stored next to this class under {@code
 * DecodePngFuzzTestInputs}): every input must decode or be refused with squish's own error, within
 * 10 s and the 256 MB heap. {@link #fuzzerTestOneInput} is the entry point of the longer runs of
 * {@code scripts/fuzz.sh}.
 */
class DecodePngFuzzTest {
  @FuzzTest(maxDuration = "10s", maxExecutions = 50000)
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // the whole fuzzing run (at most 10 s); one input: FuzzChecks.bounded
  void decodesPngOrRefusesIt(byte[] data) {
    FuzzChecks.bounded(data.length, () -> fuzzerTestOneInput(data));
  }

  public static void fuzzerTestOneInput(byte[] data) {
    FuzzChecks.decode(data);
  }
}

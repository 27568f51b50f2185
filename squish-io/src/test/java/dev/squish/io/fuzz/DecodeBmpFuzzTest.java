package dev.squish.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes {@code ImageDecoder} from BMP seeds (stored next to this class under {@code
 * DecodeBmpFuzzTestInputs}): every input must decode or be refused with squish's own error, within
 * 10 s and the 256 MB heap. {@link #fuzzerTestOneInput} is the entry point of the longer runs of
 * {@code scripts/fuzz.sh}.
 */
class DecodeBmpFuzzTest {
  @FuzzTest(maxDuration = "10s", maxExecutions = 50000)
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // the whole fuzzing run (at most 10 s); one input: FuzzChecks.bounded
  void decodesBmpOrRefusesIt(byte[] data) {
    FuzzChecks.bounded(data.length, () -> fuzzerTestOneInput(data));
  }

  public static void fuzzerTestOneInput(byte[] data) {
    FuzzChecks.decode(data);
  }
}

package dev.squish.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.squish.io.decode.ImageDecodeException;
import dev.squish.io.gif.GifAnimation;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes squish's own GIF reader ({@link GifAnimation}, its LZW decoder and frame composition) from
 * still and animated seeds: it must read every frame or refuse the file with its own error, and
 * every composed frame must be the size of the screen.
 */
class GifAnimationFuzzTest {
  @FuzzTest(maxDuration = "10s", maxExecutions = 20000)
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // the whole fuzzing run (at most 10 s); one input: FuzzChecks.bounded
  void readsEveryFrameOrRefusesIt(byte[] data) {
    FuzzChecks.bounded(data.length, () -> fuzzerTestOneInput(data));
  }

  public static void fuzzerTestOneInput(byte[] data) {
    GifAnimation a;
    try {
      a = GifAnimation.read(data, data.length, FuzzChecks.LIMITS);
    } catch (ImageDecodeException e) {
      FuzzChecks.allowed(e, data.length);
      return;
    }
    int[] seen = {0};
    a.forEach(frame -> {
      if (frame.image().width() != a.width() || frame.image().height() != a.height()) {
        throw new AssertionError("frame " + frame.number() + " is " + frame.image().width() + "x"
            + frame.image().height() + " on a screen of " + a.width() + "x" + a.height());
      }
      seen[0]++;
    });
    if (seen[0] != a.frameCount()) {
      throw new AssertionError("visited " + seen[0] + " frames of " + a.frameCount());
    }
  }
}

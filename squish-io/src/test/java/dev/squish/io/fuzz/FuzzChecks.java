package dev.squish.io.fuzz;

import dev.squish.io.decode.DecodeLimits;
import dev.squish.io.decode.DecodedImage;
import dev.squish.io.decode.ImageDecodeException;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.testkit.InputDeadline;
import java.util.Set;

/**
 * What every fuzz target accepts as an outcome besides success: squish's own decode error, with
 * two exceptions that are findings all the same. An error that says "out of memory" for an input
 * under 1 MB means the heap bound (256 MB) was not kept; and the decoder turns the unchecked
 * exceptions of image plugins into a "corrupt file" message, which must not hide one thrown by
 * squish's own code (an index overrun in a squish parser is a bug, not a corrupt file).
 */
final class FuzzChecks {
  /**
   * Limits that fit the fuzzing JVM's 256 MB heap: 4 megapixels (16 MB as ints, twice that while
   * the plugin's buffer is alive), an animation of at most 40 screens' worth of pixels.
   */
  static final DecodeLimits LIMITS = new DecodeLimits(4_000_000L, 1_000, 40_000_000L);

  /** Inputs up to this size must decode within the heap; libFuzzer's inputs are far smaller. */
  static final int MAX_INPUT = 1 << 20;

  private static final ImageDecoder DECODER = new ImageDecoder(LIMITS);
  /** Frames of the JDK's own helpers (array copies, index checks), skipped to find who called them. */
  private static final Set<String> HELPERS = Set.of("java.lang.", "java.util.", "jdk.internal.");

  private FuzzChecks() {}

  /** Runs {@code check} on one input within the 10 s bound ({@link InputDeadline}). */
  static void bounded(int inputLength, Runnable check) {
    InputDeadline.run(inputLength, check);
  }

  /** Decodes {@code data}, returning null for a refusal that is allowed. */
  static DecodedImage decode(byte[] data) {
    try {
      return DECODER.decode(data, data.length);
    } catch (ImageDecodeException e) {
      allowed(e, data.length);
      return null;
    }
  }

  /** Throws when {@code e} is one of the refusals that count as findings (see the class comment). */
  static void allowed(ImageDecodeException e, int inputLength) {
    if (e.reason() == ImageDecodeException.Reason.OUT_OF_MEMORY && inputLength < MAX_INPUT) {
      throw new AssertionError("an input of " + inputLength + " bytes ran out of a 256 MB heap: "
          + e.getMessage(), e);
    }
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException && thrownBySquish(cause)) {
      throw new AssertionError("squish's own code threw " + cause + " (reported as: " + e.getMessage() + ")",
          cause);
    }
  }

  /**
   * True when squish's code threw {@code t}: the first frame outside the JDK's helpers is squish's (a
   * plugin's exception, the JDK's image readers included, passes through squish only further down).
   */
  static boolean thrownBySquish(Throwable t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      String c = frame.getClassName();
      if (HELPERS.stream().noneMatch(c::startsWith)) {
        return c.startsWith("dev.squish.");
      }
    }
    return false;
  }
}

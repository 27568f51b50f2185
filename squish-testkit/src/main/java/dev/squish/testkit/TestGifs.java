package dev.squish.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The animated GIF fixtures (sources and licences in {@code gif/SOURCES.md} beside them). */
public final class TestGifs {
  /** 14x25, 24 frames at offsets with transparency, looping (scikit-image, BSD-3-Clause). */
  public static final String TINY = "no_time_for_that_tiny.gif";
  /** 48x32, 8 frames of a pan and zoom across a photo, local palettes (made from kodim07, MIT). */
  public static final String PAN = "kodim07-pan-48x32.gif";

  private TestGifs() {}

  /** {@return the bytes of fixture {@code name}} */
  public static byte[] bytes(String name) {
    return TestImages.resource("gif/" + name);
  }

  /** Copies fixture {@code name} into {@code dir} and returns the copy's path. */
  public static Path copyTo(String name, Path dir) {
    try {
      Path p = dir.resolve(name);
      Files.write(p, bytes(name));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

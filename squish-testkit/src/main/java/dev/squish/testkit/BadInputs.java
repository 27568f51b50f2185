package dev.squish.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The bad-input corpus: damaged, hostile and foreign files (see {@code bad/README.md}). */
public final class BadInputs {
  /** 0 bytes. */
  public static final String EMPTY = "empty.png";
  /** A text note named .png. */
  public static final String TEXT = "text.png";
  /** A PNG cut mid-IDAT. */
  public static final String TRUNCATED_PNG = "truncated.png";
  /** A JPEG cut in half. */
  public static final String TRUNCATED_JPEG = "truncated.jpg";
  /** A PNG with one flipped byte in its IDAT, so a bad CRC. */
  public static final String BAD_CRC = "bad-crc.png";
  /** A PNG header declaring 100000 × 100000 pixels. */
  public static final String HUGE_HEADER = "huge-header.png";
  /** A Photoshop document. */
  public static final String UNSUPPORTED = "unsupported.psd";
  /** A folder holding a text file and no images. */
  public static final String NO_IMAGES = "no-images";

  /** Every stored case. */
  public static final List<String> ALL = List.of(EMPTY, TEXT, TRUNCATED_PNG, TRUNCATED_JPEG, BAD_CRC, HUGE_HEADER,
      UNSUPPORTED, NO_IMAGES);

  /** The files inside the folder cases; resources cannot be listed from a jar, so they are named here. */
  private static final List<String> NO_IMAGES_FILES = List.of("notes.txt");

  private BadInputs() {}

  /** The bytes of file {@code name}. */
  public static byte[] bytes(String name) {
    return TestImages.resource("bad/" + name);
  }

  /** Copies case {@code name} (a file or a folder) into {@code dir} and returns the copy's path. */
  public static Path copyTo(String name, Path dir) {
    try {
      Path p = dir.resolve(name);
      if (name.equals(NO_IMAGES)) {
        Files.createDirectories(p);
        for (String f : NO_IMAGES_FILES) {
          Files.write(p.resolve(f), bytes(name + "/" + f));
        }
      } else {
        Files.write(p, bytes(name));
      }
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

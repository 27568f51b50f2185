package dev.squish.io.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that it either appears complete or not at all: the bytes go to a hidden
 * temporary file in the target's folder, which is flushed to disk and then renamed over the
 * target. A crash, a full disk or Ctrl-C mid-write leaves the target as it was; the leftover
 * temporary file carries {@link #TEMP_MARKER} in its name so that the next run can remove it.
 */
public final class AtomicOutput {
  /** Part of every temporary file's name. */
  public static final String TEMP_MARKER = ".squish-tmp-";

  private AtomicOutput() {}

  /** Writes the content of a file to a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code target} through a temporary file.
   *
   * @param overwrite replace an existing target; without it an existing target is an error
   * @throws FileAlreadyExistsException when the target exists and {@code overwrite} is false
   */
  public static void write(Path target, boolean overwrite, Content content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (!overwrite && Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + TEMP_MARKER, ".part");
    boolean done = false;
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        content.writeTo(out);
      }
      try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      if (!overwrite && Files.exists(target)) {
        throw new FileAlreadyExistsException(target.toString());
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Deletes temporary files that an interrupted run left in {@code dir}. Only names made by
   * {@link #write} are touched. Returns how many were removed.
   */
  public static int removeLeftovers(Path dir) {
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + TEMP_MARKER + "*.part")) {
      for (Path p : files) {
        if (Files.isRegularFile(p) && Files.deleteIfExists(p)) {
          removed++;
        }
      }
    } catch (IOException e) {
      // a folder we cannot list is reported when we try to write into it
    }
    return removed;
  }
}

package dev.squish.io.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.util.OptionalLong;

/**
 * Writes a file so that it either appears complete or not at all: the bytes go to a hidden
 * temporary file in the target's folder, which is flushed to disk and then renamed over the
 * target. A crash, a full disk or Ctrl-C mid-write leaves the target as it was; the leftover
 * temporary file carries {@link #TEMP_MARKER} and the writing process's id in its name so that
 * the next run can remove it without touching the files of a run still in progress.
 */
public final class AtomicOutput {
  /** Part of every temporary file's name: {@code .NAME.squish-tmp-PID-RANDOM.part}. */
  public static final String TEMP_MARKER = ".squish-tmp-";

  private static final String TEMP_SUFFIX = ".part";
  private static final SecureRandom RANDOM = new SecureRandom();

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
    Path temp = null;
    boolean done = false;
    try {
      OutputStream stream = null;
      while (stream == null) {
        temp = dir.resolve(tempPrefix(target) + Long.toUnsignedString(RANDOM.nextLong(), 36) + TEMP_SUFFIX);
        try {
          // not Files.createTempFile: its files are private (0600), and the output would keep that mode
          stream = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
          temp = null; // a clash of random names: draw another
        }
      }
      // Ctrl-C between here and the rename must not leave it behind (a no-op once it is renamed)
      temp.toFile().deleteOnExit();
      try (OutputStream out = stream) {
        content.writeTo(out);
      }
      if (overwrite) {
        keepPermissions(target, temp);
      }
      // the rename is atomic, but without this the renamed file may hold no data after a power cut
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      if (overwrite || !linked(temp, target)) {
        if (!overwrite && Files.exists(target)) {
          throw new FileAlreadyExistsException(target.toString());
        }
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      done = true;
    } finally {
      if (!done && temp != null) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Puts {@code temp} in place as {@code target} only if no file of that name exists, atomically:
   * a rename would replace a file created since the caller looked (by another run writing into the
   * same folder), a hard link cannot. Returns false when the file system has no hard links (the
   * caller then checks and renames), and deletes the temporary name when the link is made.
   *
   * @throws FileAlreadyExistsException when the target exists
   */
  private static boolean linked(Path temp, Path target) throws IOException {
    try {
      Files.createLink(target, temp);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (UnsupportedOperationException | FileSystemException e) {
      return false;
    }
    try {
      Files.delete(temp);
    } catch (IOException e) {
      // the output is in place; the spare name goes at exit or with the next run's clean-up
    }
    return true;
  }

  /** A replaced file keeps its permissions, as it would if it had been rewritten in place. */
  private static void keepPermissions(Path target, Path temp) {
    try {
      PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
      if (view != null && Files.exists(target)) {
        Files.setPosixFilePermissions(temp, view.readAttributes().permissions());
      }
    } catch (IOException | UnsupportedOperationException e) {
      // the new file keeps the default permissions, which is what a new file would get anyway
    }
  }

  /** True when {@code fileName} is the name of a temporary file made by {@link #write}. */
  public static boolean isTempName(String fileName) {
    return fileName.startsWith(".") && fileName.contains(TEMP_MARKER) && fileName.endsWith(TEMP_SUFFIX);
  }

  /**
   * Deletes temporary files that an interrupted or crashed run left in {@code dir}. Only names
   * made by {@link #write} are touched, and only those of processes that are no longer running
   * (or of this process, which has none at start-up): a second squish writing into the same
   * folder keeps its files. Returns how many were removed.
   */
  public static int removeLeftovers(Path dir) {
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + TEMP_MARKER + "*" + TEMP_SUFFIX)) {
      for (Path p : files) {
        if (isTempName(p.getFileName().toString()) && !ownedByAnotherLiveProcess(p) && Files.isRegularFile(p)
            && Files.deleteIfExists(p)) {
          removed++;
        }
      }
    } catch (IOException e) {
      // a folder we cannot list or clean is reported when we try to write into it
    }
    return removed;
  }

  private static String tempPrefix(Path target) {
    return "." + target.getFileName() + TEMP_MARKER + ProcessHandle.current().pid() + "-";
  }

  private static boolean ownedByAnotherLiveProcess(Path temp) {
    OptionalLong pid = writerPid(temp.getFileName().toString());
    if (pid.isEmpty() || pid.getAsLong() == ProcessHandle.current().pid()) {
      return false;
    }
    return ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
  }

  /** The process id in a temporary file's name, or empty for names without one. */
  static OptionalLong writerPid(String fileName) {
    int start = fileName.lastIndexOf(TEMP_MARKER);
    if (start < 0) {
      return OptionalLong.empty();
    }
    start += TEMP_MARKER.length();
    int end = fileName.indexOf('-', start);
    if (end <= start) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(fileName.substring(start, end)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}

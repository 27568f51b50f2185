package dev.squish.cli;

import dev.squish.testkit.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Files of the batch tests: photos copied in, the files a run left, and what they are. */
final class BatchFiles {
  private BatchFiles() {}

  /** Copies the test photos into {@code folder} and returns them in name order. */
  static List<Path> photos(Path folder, String... names) throws IOException {
    Files.createDirectories(folder);
    List<Path> out = new ArrayList<>();
    for (String n : names) {
      out.add(TestImages.copyTo(n, folder));
    }
    return out;
  }

  static String s(Path p) {
    return p.toString();
  }

  /** Every regular file under {@code root}, sorted. */
  static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  static boolean isPng(Path p) throws IOException {
    byte[] b = Files.readAllBytes(p);
    return b.length > 8 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
  }
}

package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.io.files.AtomicOutput;
import dev.squish.testkit.BadInputs;
import dev.squish.testkit.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input of issue 5 in one test: each ends with a one-line message naming the file and
 * the cause, no stack trace, the right exit code, no output file, the input untouched, and the
 * batch going on with the good files around it. The table of messages is written to
 * {@code target/bad-input-table.md}.
 */
class BadInputTest {
  private static final Map<String, String> TABLE = new LinkedHashMap<>();
  private static final String GOOD_A = TestImages.CHELSEA;
  private static final String GOOD_Z = TestImages.CAMERA;

  @TempDir
  Path dir;

  /** Makes the bad input in a folder and returns its path. */
  @FunctionalInterface
  interface Maker {
    Path make(Path folder) throws IOException;
  }

  /**
   * One case.
   *
   * @param name what the case is, for the table
   * @param maker the bad file, or null for a case that is not a file
   * @param args for usage cases, the bad arguments; for the output-folder case, null
   * @param reason the expected message after "squish: FILE: " (files) or "squish: " (usage)
   */
  record Case(String name, Maker maker, List<String> args, String reason) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        file("a missing file", f -> f.resolve("missing.png"), "no such file"),
        file("a folder with no images", f -> BadInputs.copyTo(BadInputs.NO_IMAGES, f),
            "no images in this folder (1 other file ignored; squish looks for .png .jpg .jpeg .gif .bmp .tif .tiff"
                + " .webp)"),
        stored("an empty file", BadInputs.EMPTY, "empty file (0 bytes)"),
        stored("a text file named .png", BadInputs.TEXT,
            "not an image: the file holds text; squish reads PNG, JPEG, GIF, BMP, TIFF or WebP"),
        stored("a truncated PNG", BadInputs.TRUNCATED_PNG,
            "truncated PNG: chunk IDAT at byte 33 declares 12624 bytes but the file ends after 7608 bytes"),
        stored("a truncated JPEG", BadInputs.TRUNCATED_JPEG,
            "truncated or corrupt JPEG: Truncated File - Missing EOI marker"),
        stored("a PNG with a bad CRC", BadInputs.BAD_CRC,
            "corrupt PNG: chunk IDAT at byte 33 has a bad CRC (stored fa1e5049, computed fa7fba45)"),
        stored("a header declaring 100000 x 100000 pixels", BadInputs.HUGE_HEADER,
            "image is 100000x100000 = 10000000000 pixels, more than the limit of 100000000 (raise it with"
                + " --max-pixels)"),
        stored("an unsupported format (PSD)", BadInputs.UNSUPPORTED,
            "unsupported format: the file is Photoshop PSD; squish reads PNG, JPEG, GIF, BMP, TIFF or WebP"),
        file("an unreadable file", BadInputTest::unreadable, "permission denied: cannot read the file"),
        new Case("an output folder that cannot be written", null, null, "cannot write "),
        usage("k of 0", "--k must be from 1 to 256, got 0", "-k", "0"),
        usage("k of 257", "--k must be from 1 to 256, got 257", "-k", "257"),
        usage("k of -1", "--k must be from 1 to 256, got -1", "-k", "-1"),
        usage("k of abc", "--k must be a whole number from 1 to 256, got 'abc'", "-k", "abc"),
        usage("speed of 0", "--speed must be from 1 to 11, got 0", "--speed", "0"),
        usage("speed of 12", "--speed must be from 1 to 11, got 12", "--speed", "12"),
        usage("an unknown option", "Unknown option: '--frobnicate'", "--frobnicate"));
  }

  private static Case file(String name, Maker maker, String reason) {
    return new Case(name, maker, null, reason);
  }

  private static Case stored(String name, String corpusName, String reason) {
    return file(name, f -> BadInputs.copyTo(corpusName, f), reason);
  }

  private static Case usage(String name, String reason, String... args) {
    return new Case(name, null, List.of(args), reason);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void endsWithOneLineNamingTheFileAndTheCauseAndTheBatchGoesOn(Case c) throws IOException {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    Path a = TestImages.copyTo(GOOD_A, in);
    Path z = TestImages.copyTo(GOOD_Z, in);
    if (c.maker() != null) {
      badFile(c, in, a, z);
    } else if (c.args() != null) {
      badUsage(c, a);
    } else {
      unwritableOutputFolder(c, a, z);
    }
  }

  private void badFile(Case c, Path in, Path a, Path z) throws IOException {
    Path bad = c.maker().make(in);
    Map<Path, String> before = fingerprints(in);

    CliRun batch = CliRun.of(a.toString(), bad.toString(), z.toString(), "-k", "8");

    String line = "squish: " + bad + ": " + c.reason();
    assertThat(batch.err()).isEqualTo(line + "\n");
    assertThat(batch.exitCode()).isEqualTo(ExitCode.SOME_FAILED.code());
    assertThat(batch.out()).contains("3 files in", ": 2 written, 0 skipped, 1 failed", "  failed " + bad + ": ");
    Map<Path, String> after = fingerprints(in);
    Path outA = in.resolve("skimage-chelsea-squish.png");
    Path outZ = in.resolve("skimage-camera-squish.png");
    assertThat(isPng(outA) && isPng(outZ)).as("the good files around it were written").isTrue();
    after.remove(outA);
    after.remove(outZ);
    assertThat(after).as("nothing else written, the bad input untouched").isEqualTo(before);

    CliRun alone = CliRun.of(bad.toString(), "-k", "8");
    assertThat(alone.err()).isEqualTo(line + "\n");
    assertThat(alone.exitCode()).isEqualTo(ExitCode.ALL_FAILED.code());
    assertThat(fingerprints(in)).containsAllEntriesOf(before).hasSize(before.size() + 2);
    record(c, line, batch.exitCode() + " in a batch, " + alone.exitCode() + " alone");
    restorePermissions(bad);
  }

  private void badUsage(Case c, Path a) throws IOException {
    List<String> args = new ArrayList<>(List.of(a.toString(), "-o", dir.resolve("out.png").toString()));
    args.addAll(c.args());
    Map<Path, String> before = fingerprints(dir);
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.err()).isEqualTo("squish: " + c.reason() + "\ntry squish --help\n");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.out()).isEmpty();
    assertThat(fingerprints(dir)).isEqualTo(before);
    record(c, "squish: " + c.reason() + " / try squish --help", String.valueOf(run.exitCode()));
  }

  private void unwritableOutputFolder(Case c, Path a, Path z) throws IOException {
    Path ro = unwritableFolder();
    try {
      CliRun run = CliRun.of(a.toString(), z.toString(), "-k", "8", "--output-dir", ro.toString());
      List<String> lines = run.err().lines().toList();
      assertThat(lines).as("one line per file: the batch went on").hasSize(2);
      String cause = "(permission denied|read-only file system)";
      assertThat(lines.get(0)).matches(quote("squish: " + a + ": " + c.reason() + ro.resolve(GOOD_A)) + ": " + cause);
      assertThat(lines.get(1)).matches(quote("squish: " + z + ": " + c.reason() + ro.resolve(GOOD_Z)) + ": " + cause);
      assertThat(run.exitCode()).isEqualTo(ExitCode.ALL_FAILED.code());
      assertThat(ro.resolve(GOOD_A)).doesNotExist();
      assertThat(ro.resolve(GOOD_Z)).doesNotExist();
      if (ro.startsWith(dir)) {
        try (Stream<Path> s = Files.list(ro)) {
          assertThat(s).isEmpty();
        }
      }
      record(c, lines.get(0) + " (and the same for the other file)", String.valueOf(run.exitCode()));
    } finally {
      restorePermissions(ro);
    }
  }

  private static String quote(String s) {
    return java.util.regex.Pattern.quote(s);
  }

  /**
   * A file that exists but cannot be read. {@code chmod 000} does that for a normal user; root
   * passes every permission check, so as root the file is a link to a write-only sysfs attribute,
   * which the kernel refuses to open for reading whoever asks.
   */
  static Path unreadable(Path folder) throws IOException {
    Path f = folder.resolve("unreadable.png");
    Files.write(f, TestImages.bytes(TestImages.CHELSEA));
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
    if (!canRead(f)) {
      return f;
    }
    Files.delete(f);
    Path sysfs = Path.of("/sys/bus/platform/drivers_probe");
    Assumptions.assumeTrue(Files.exists(sysfs) && !canRead(sysfs),
        "running as root and no write-only sysfs file to stand in for an unreadable one");
    return Files.createSymbolicLink(f, sysfs);
  }

  /** A folder nobody may create files in: {@code chmod 555} for a normal user, {@code /sys} for root. */
  private Path unwritableFolder() throws IOException {
    Path ro = dir.resolve("read-only");
    Files.createDirectories(ro);
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Files.delete(Files.createFile(ro.resolve("probe")));
    } catch (AccessDeniedException e) {
      return ro;
    }
    Path sys = Path.of("/sys");
    Assumptions.assumeTrue(Files.isDirectory(sys) && !canCreateIn(sys),
        "running as root and no folder that refuses root");
    return sys;
  }

  private static boolean canRead(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      in.read();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean canCreateIn(Path folder) {
    try {
      Files.delete(Files.createTempFile(folder, ".probe", ".tmp"));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void restorePermissions(Path p) throws IOException {
    if (p.startsWith(Path.of("/sys")) || Files.isSymbolicLink(p) || !Files.exists(p)) {
      return;
    }
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
  }

  /** Every file under {@code root} with its size, modification time and content digest (when readable). */
  private static Map<Path, String> fingerprints(Path root) throws IOException {
    Map<Path, String> m = new LinkedHashMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted().toList()) {
        if (Files.isDirectory(p)) {
          continue;
        }
        assertThat(AtomicOutput.isTempName(p.getFileName().toString())).as("temporary file " + p).isFalse();
        String content = canRead(p) ? Integer.toHexString(Arrays.hashCode(Files.readAllBytes(p))) : "unreadable";
        m.put(p, Files.size(p) + " " + Files.getLastModifiedTime(p) + " " + content);
      }
    }
    return m;
  }

  private static boolean isPng(Path p) throws IOException {
    byte[] b = Files.readAllBytes(p);
    return b.length > 8 && new String(b, 1, 3, StandardCharsets.US_ASCII).equals("PNG");
  }

  private void record(Case c, String message, String exit) {
    String shown = message.replace(dir.toString() + "/", "");
    synchronized (TABLE) {
      TABLE.put(c.name(), "| " + c.name() + " | `" + shown + "` | " + exit + " |");
    }
  }

  @AfterAll
  static void writeTable() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("| case | message (stderr) | exit code |");
    lines.add("|---|---|---|");
    cases().map(c -> TABLE.getOrDefault(c.name(), "| " + c.name() + " | (not run here) | |")).forEach(lines::add);
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Files.write(target.resolve("bad-input-table.md"), lines);
    }
  }
}

package dev.squish.cli;

import static dev.squish.cli.BatchFiles.files;
import static dev.squish.cli.BatchFiles.photos;
import static dev.squish.cli.BatchFiles.s;
import static org.assertj.core.api.Assertions.assertThat;
import dev.squish.io.files.AtomicOutput;
import dev.squish.testkit.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Batch mode end to end: many inputs, output naming, report, summary, determinism, usage errors. */
class BatchCliTest {
  @TempDir
  Path dir;

  @Test
  void manyFilesAndFoldersGoBesideTheirInputsWithResultsInOrderAndASummary() throws IOException {
    List<Path> inFolder = photos(dir.resolve("a"), TestImages.CHELSEA, TestImages.CAMERA);
    Path single = photos(dir, TestImages.GRACE_HOPPER).get(0);
    CliRun run = CliRun.of(s(dir.resolve("a")), s(single), "-k", "8");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).startsWith(s(inFolder.get(1)) + " -> " + s(dir.resolve("a/skimage-camera-squish.png")));
    assertThat(lines.get(1)).startsWith(s(inFolder.get(0)) + " -> " + s(dir.resolve("a/skimage-chelsea-squish.png")));
    assertThat(lines.get(2)).startsWith(s(single) + " -> " + s(dir.resolve("mpl-grace_hopper-squish.png")));
    assertThat(lines.get(3)).matches("3 files in \\d+\\.\\d s with \\d+ jobs?: 3 written, 0 skipped, 0 failed");
    long in = Files.size(inFolder.get(0)) + Files.size(inFolder.get(1)) + Files.size(single);
    long out = Files.size(dir.resolve("a/skimage-camera-squish.png"))
        + Files.size(dir.resolve("a/skimage-chelsea-squish.png"))
        + Files.size(dir.resolve("mpl-grace_hopper-squish.png"));
    assertThat(lines.get(4)).startsWith("  written: " + in + " B -> " + out + " B, ratio ");
  }

  @Test
  void outputDirMirrorsTheTreeAndLeavesTheInputsUntouched() throws IOException {
    Path photos = dir.resolve("photos");
    Path inner = photos(photos.resolve("2024/june"), TestImages.CHELSEA).get(0);
    Path top = photos(photos, TestImages.CAMERA).get(0);
    byte[] before = Files.readAllBytes(inner);
    FileTime mtime = Files.getLastModifiedTime(inner);
    Path out = dir.resolve("out");
    CliRun run = CliRun.of(s(photos), "-r", "--output-dir", s(out), "-k", "4", "-q");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(files(out)).containsExactly(out.resolve("2024/june/skimage-chelsea.png"),
        out.resolve("skimage-camera.png"));
    assertThat(Files.readAllBytes(inner)).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(inner)).isEqualTo(mtime);
    assertThat(files(photos)).containsExactly(inner, top);
  }

  @Test
  void aReportMayGoIntoTheOutputFolderItself() throws IOException {
    photos(dir.resolve("p"), TestImages.CHELSEA);
    Path out = dir.resolve("small");
    CliRun run = CliRun.of(s(dir.resolve("p")), "--output-dir", s(out), "--report", s(out.resolve("report.csv")),
        "-k", "4");
    assertThat(run.exitCode()).isZero();
    assertThat(files(out)).containsExactly(out.resolve("report.csv"), out.resolve("skimage-chelsea.png"));
  }

  @Test
  void emRowsOfTheReportCarryTheModelFigures() throws IOException {
    photos(dir.resolve("p"), TestImages.CHELSEA);
    Path report = dir.resolve("r.csv");
    CliRun run = CliRun.of(s(dir.resolve("p")), "--method", "em", "-k", "4", "--report", s(report), "-q");
    assertThat(run.exitCode()).isZero();
    List<String> lines = Files.readAllLines(report);
    List<String> header = List.of(lines.get(0).split(","));
    List<String> row = List.of(lines.get(1).split(",", -1));
    assertThat(header).endsWith("log_likelihood_per_pixel", "bic", "parameters", "covariance", "assign", "reg_covar");
    assertThat(row.get(header.indexOf("method"))).isEqualTo("em");
    assertThat(Double.parseDouble(row.get(header.indexOf("log_likelihood_per_pixel")))).isNegative();
    assertThat(row.get(header.indexOf("parameters"))).isEqualTo("39"); // 3 weights + 4 x (3 + 6)
    assertThat(row.get(header.indexOf("covariance"))).isEqualTo("full");
  }

  @Test
  void gifForABatchByFormatOrExt() throws IOException {
    photos(dir.resolve("p"), TestImages.CHELSEA, TestImages.CAMERA);
    assertThat(CliRun.of(s(dir.resolve("p")), "--format", "gif", "-k", "8").exitCode()).isZero();
    assertThat(new String(Files.readAllBytes(dir.resolve("p/skimage-camera-squish.gif")), 0, 6,
        StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
    assertThat(dir.resolve("p/skimage-chelsea-squish.gif")).exists();
    assertThat(CliRun.of(s(dir.resolve("p")), "--ext", ".small.gif", "-k", "8").exitCode()).isZero();
    assertThat(dir.resolve("p/skimage-camera.small.gif")).exists();
    CliRun clash = CliRun.of(s(dir.resolve("p")), "--format", "png", "--ext", ".gif");
    assertThat(clash.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(clash.err()).isEqualTo("squish: --ext .gif asks for gif but --format says png\ntry squish --help\n");
  }

  @Test
  void outputsAreByteIdenticalWhateverTheNumberOfJobs() throws IOException {
    Path p = dir.resolve("p");
    photos(p, TestImages.PHOTOS.toArray(String[]::new));
    List<byte[]> reference = null;
    for (int jobs : new int[] {1, 2, 3}) {
      Path out = dir.resolve("out" + jobs);
      CliRun run = CliRun.of(s(p), "--output-dir", s(out), "-k", "32", "--jobs", String.valueOf(jobs), "-q");
      assertThat(run.exitCode()).isZero();
      List<byte[]> bytes = new ArrayList<>();
      for (Path f : files(out)) {
        bytes.add(Files.readAllBytes(f));
      }
      assertThat(bytes).hasSize(TestImages.PHOTOS.size());
      if (reference == null) {
        reference = bytes;
      } else {
        for (int i = 0; i < bytes.size(); i++) {
          assertThat(bytes.get(i)).as("output %d with --jobs %d", i, jobs).isEqualTo(reference.get(i));
        }
      }
    }
  }

  @Test
  void jsonPrintsOneObjectPerInputAndTheSummary() throws IOException {
    photos(dir.resolve("p"), TestImages.CHELSEA, TestImages.CAMERA);
    Files.writeString(dir.resolve("p/broken.png"), "not a png");
    CliRun run = CliRun.of(s(dir.resolve("p")), "-k", "4", "--json");
    assertThat(run.exitCode()).isEqualTo(ExitCode.SOME_FAILED.code());
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(4).allMatch(l -> l.startsWith("{") && l.endsWith("}"));
    assertThat(lines.get(0)).contains("\"status\":\"failed\"", "\"reason\":\"not an image: the file holds text;");
    assertThat(lines.get(1)).contains("\"status\":\"written\"");
    assertThat(lines.get(3)).startsWith("{\"summary\":{\"files\":3,\"written\":2,\"skipped\":0,\"failed\":1,");
    assertThat(run.err()).startsWith("squish: " + dir.resolve("p/broken.png") + ": not an image");
  }

  @Test
  void aProgressBarOnlyOnATerminalAndNotWithQuiet() throws IOException {
    photos(dir.resolve("p"), TestImages.CHELSEA, TestImages.CAMERA);
    CliRun tty = CliRun.in(true, AtomicOutput::write, new byte[0], s(dir.resolve("p")), "-k", "4", "--force");
    assertThat(tty.exitCode()).isZero();
    assertThat(tty.err()).contains("\r\u001b[K[", "] 2/2 files").endsWith("\r\u001b[K");
    CliRun pipe = CliRun.in(false, AtomicOutput::write, new byte[0], s(dir.resolve("p")), "-k", "4", "--force");
    assertThat(pipe.err()).isEmpty();
    CliRun quiet = CliRun.in(true, AtomicOutput::write, new byte[0], s(dir.resolve("p")), "-k", "4", "--force", "-q");
    assertThat(quiet.err()).isEmpty();
    assertThat(quiet.out()).isEmpty();
    CliRun off = CliRun.in(true, AtomicOutput::write, new byte[0], s(dir.resolve("p")), "-k", "4", "--force",
        "--no-progress");
    assertThat(off.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-2", "1025"})
  void jobsOutOfRangeIsAUsageError(String jobs) throws IOException {
    Path in = photos(dir, TestImages.CHELSEA).get(0);
    CliRun run = CliRun.of(s(in), "--jobs", jobs);
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).isEqualTo("squish: --jobs must be from 1 to 1024, got " + jobs + "\ntry squish --help\n");
  }

  @Test
  void usageErrorsOfBatchOptions() throws IOException {
    Path in = photos(dir.resolve("p"), TestImages.CHELSEA).get(0);
    assertThat(CliRun.of("-", s(in)).err()).startsWith("squish: standard input ('-') must be the only input\n");
    assertThat(CliRun.of(s(dir.resolve("p")), "-o", s(dir.resolve("x.png"))).err())
        .startsWith("squish: --output names one file, but " + dir.resolve("p") + " is a folder; use --output-dir\n");
    assertThat(CliRun.of(s(in), "--report", s(dir.resolve("r.txt"))).err())
        .startsWith("squish: --report must end in .json or .csv");
    assertThat(CliRun.of(s(in), "--output-dir", s(in)).err()).startsWith("squish: --output-dir " + in + " is a file");
    assertThat(CliRun.of(s(in), "--report", s(dir.resolve("nope/r.csv"))).err())
        .startsWith("squish: --report " + dir.resolve("nope/r.csv") + ": folder " + dir.resolve("nope")
            + " does not exist\n");
    assertThat(CliRun.of(s(in), "--format", "jpeg").err()).startsWith("squish: --format must be png or gif");
    assertThat(files(dir)).containsExactly(in);
  }

  @Test
  void errorsAreOneLineAndVerboseAddsTheStackTrace() throws IOException {
    Path bad = dir.resolve("bad.png");
    Files.write(bad, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0});
    CliRun plain = CliRun.of(bad.toString());
    assertThat(plain.err().lines()).hasSize(1);
    CliRun verbose = CliRun.of(bad.toString(), "-v");
    assertThat(verbose.err().lines().findFirst().orElseThrow()).isEqualTo(plain.err().strip());
    assertThat(verbose.err()).contains("ImageDecodeException", "\tat dev.squish.io.decode.");
  }
}

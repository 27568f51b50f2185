package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.io.files.AtomicOutput;
import dev.squish.testkit.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk: outputs go to a 160 KiB tmpfs, which holds one of the four outputs and not
 * the others. Mounting needs root (CAP_SYS_ADMIN), so elsewhere this test is skipped; the same
 * path is covered everywhere by {@link BatchCliTest#aFullDiskIsReportedAndLeavesNoFileAndTheBatchGoesOn}
 * with a stream that fails as a full disk does.
 */
@EnabledOnOs(OS.LINUX)
class DiskFullTest {
  @TempDir
  Path dir;

  @Test
  void outputsThatDoNotFitAreReportedAndLeaveNothingBehind() throws Exception {
    Path full = dir.resolve("tiny");
    Files.createDirectories(full);
    Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=160k", "squish-test", full.toString()) == 0,
        "cannot mount a tmpfs here (not root)");
    try {
      Path in = dir.resolve("in");
      Files.createDirectories(in);
      TestImages.PHOTOS.forEach(p -> TestImages.copyTo(p, in));
      Path ref = dir.resolve("ref");
      assertThat(CliRun.of(in.toString(), "--output-dir", ref.toString(), "-k", "256", "-q").exitCode()).isZero();

      CliRun run = CliRun.of(in.toString(), "--output-dir", full.toString(), "-k", "256", "--jobs", "1");

      List<String> errors = run.err().lines().toList();
      assertThat(errors).isNotEmpty().allMatch(l -> l.matches("squish: .*: cannot write " + full
          + "/[a-z_-]+\\.png: disk full \\(no space left on device\\)"));
      List<Path> left;
      try (Stream<Path> s = Files.list(full)) {
        left = s.toList();
      }
      assertThat(left).hasSize(TestImages.PHOTOS.size() - errors.size()).isNotEmpty();
      for (Path f : left) {
        assertThat(AtomicOutput.isTempName(f.getFileName().toString())).as("temporary file left").isFalse();
        assertThat(Files.readAllBytes(f)).as("complete " + f)
            .isEqualTo(Files.readAllBytes(ref.resolve(f.getFileName())));
      }
      assertThat(run.exitCode()).isEqualTo(ExitCode.SOME_FAILED.code());
    } finally {
      run("umount", full.toString());
    }
  }

  private static int run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }
}

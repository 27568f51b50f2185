package dev.squish.cli;

import static dev.squish.cli.BatchFiles.files;
import static dev.squish.cli.BatchFiles.isPng;
import static dev.squish.cli.BatchFiles.photos;
import static dev.squish.cli.BatchFiles.s;
import static org.assertj.core.api.Assertions.assertThat;
import dev.squish.io.files.AtomicOutput;
import dev.squish.testkit.TestImages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch mode and the files on disk: existing outputs, the input itself, leftovers of dead runs, a full disk. */
class BatchFilesCliTest {
  @TempDir
  Path dir;

  @Test
  void anExistingOutputFailsIsSkippedOnRequestAndIsOverwrittenOnlyWithForce() throws IOException {
    List<Path> in = photos(dir.resolve("p"), TestImages.CHELSEA, TestImages.CAMERA);
    Path taken = dir.resolve("p/skimage-chelsea-squish.png");
    Files.writeString(taken, "keep me");

    CliRun plain = CliRun.of(s(dir.resolve("p")), "-k", "4");
    assertThat(plain.exitCode()).isEqualTo(ExitCode.SOME_FAILED.code());
    assertThat(plain.err()).isEqualTo("squish: " + in.get(0) + ": " + taken
        + " exists; use --force to overwrite it or --skip-existing to skip it\n");
    assertThat(Files.readString(taken)).isEqualTo("keep me");

    CliRun skip = CliRun.of(s(dir.resolve("p")), "-k", "4", "--skip-existing");
    assertThat(skip.exitCode()).isZero();
    assertThat(skip.err()).isEmpty();
    // the camera output exists now too, from the first run
    assertThat(skip.out()).contains(in.get(0) + ": skipped: " + taken + " exists (--skip-existing)",
        "2 files in", ": 0 written, 2 skipped, 0 failed", "  skipped " + in.get(0) + ": " + taken + " exists");
    assertThat(Files.readString(taken)).isEqualTo("keep me");

    assertThat(CliRun.of(s(dir.resolve("p")), "-k", "4", "--skip-existing", "--strict").exitCode())
        .isEqualTo(ExitCode.SKIPPED_STRICT.code());

    CliRun force = CliRun.of(s(dir.resolve("p")), "-k", "4", "--force");
    assertThat(force.exitCode()).isZero();
    assertThat(isPng(taken)).isTrue();

    CliRun both = CliRun.of(s(dir.resolve("p")), "--force", "--skip-existing");
    assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE.code());
  }

  @Test
  void theInputIsReplacedOnlyWithForce() throws IOException {
    Path in = photos(dir, TestImages.CHELSEA).get(0);
    byte[] original = Files.readAllBytes(in);
    CliRun refused = CliRun.of(s(in), "--ext", ".png", "-k", "8");
    assertThat(refused.exitCode()).isEqualTo(ExitCode.ALL_FAILED.code());
    assertThat(Files.readAllBytes(in)).isEqualTo(original);
    CliRun forced = CliRun.of(s(in), "--ext", ".png", "-k", "8", "--force");
    assertThat(forced.exitCode()).isZero();
    assertThat(Files.size(in)).isLessThan(original.length);
    assertThat(isPng(in)).isTrue();
    assertThat(files(dir)).containsExactly(in);
  }

  @Test
  void leftoverTemporaryFilesOfDeadRunsAreRemovedOnStart() throws IOException {
    photos(dir.resolve("p"), TestImages.CHELSEA);
    Path leftover = dir.resolve("p/.skimage-chelsea-squish.png" + AtomicOutput.TEMP_MARKER + "2147483646-77.part");
    Files.writeString(leftover, "half a file from a run that was killed");
    CliRun run = CliRun.of(s(dir.resolve("p")), "-k", "4", "-v");
    assertThat(run.exitCode()).isZero();
    assertThat(leftover).doesNotExist();
    assertThat(run.err()).contains("removed 1 temporary file left by an interrupted run");
  }

  @Test
  void aFullDiskIsReportedAndLeavesNoFileAndTheBatchGoesOn() throws IOException {
    List<Path> in = photos(dir.resolve("p"), TestImages.CHELSEA, TestImages.CAMERA);
    Path full = dir.resolve("p/skimage-chelsea-squish.png");
    AtomicBoolean hit = new AtomicBoolean();
    FileCompressor.Sink fillsUp = (target, overwrite, content) -> AtomicOutput.write(target, overwrite, out -> {
      if (target.equals(full)) {
        hit.set(true);
        content.writeTo(new DiskFullStream(out, 4096));
      } else {
        content.writeTo(out);
      }
    });
    CliRun run = CliRun.in(false, fillsUp, new byte[0], s(dir.resolve("p")), "-k", "8");
    assertThat(hit).isTrue();
    assertThat(run.exitCode()).isEqualTo(ExitCode.SOME_FAILED.code());
    assertThat(run.err()).isEqualTo("squish: " + in.get(0) + ": cannot write " + full
        + ": disk full (no space left on device)\n");
    assertThat(files(dir.resolve("p"))).containsExactly(dir.resolve("p/skimage-camera-squish.png"), in.get(1),
        in.get(0));
    assertThat(run.out()).contains("2 files in", "1 written, 0 skipped, 1 failed",
        "  failed " + in.get(0) + ": cannot write " + full + ": disk full");
  }

  /** Accepts {@code room} bytes, then fails as a full disk does. */
  static final class DiskFullStream extends OutputStream {
    private final OutputStream out;
    private long room;

    DiskFullStream(OutputStream out, long room) {
      this.out = out;
      this.room = room;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      int n = (int) Math.min(len, room);
      out.write(b, off, n);
      room -= n;
      if (n < len) {
        throw new IOException("No space left on device");
      }
    }
  }
}

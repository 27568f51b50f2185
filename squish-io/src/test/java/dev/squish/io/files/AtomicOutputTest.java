package dev.squish.io.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
  @TempDir
  Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesTheWholeFileAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("a.png");
    AtomicOutput.write(target, false, out -> out.write("hello".getBytes(StandardCharsets.US_ASCII)));
    assertThat(Files.readString(target)).isEqualTo("hello");
    assertThat(names()).containsExactly("a.png");
  }

  @Test
  void newFilesGetTheUsualPermissionsAndReplacedFilesKeepTheirs() throws IOException {
    Path plain = Files.createFile(dir.resolve("plain"));
    Path target = dir.resolve("a.png");
    AtomicOutput.write(target, false, out -> out.write(1));
    assertThat(Files.getPosixFilePermissions(target)).as("as any new file here, not private like a temp file")
        .isEqualTo(Files.getPosixFilePermissions(plain));
    Set<PosixFilePermission> custom = PosixFilePermissions.fromString("rw-r-----");
    Files.setPosixFilePermissions(target, custom);
    AtomicOutput.write(target, true, out -> out.write(2));
    assertThat(Files.getPosixFilePermissions(target)).isEqualTo(custom);
  }

  @Test
  void refusesAnExistingTargetWithoutOverwrite() throws IOException {
    Path target = dir.resolve("a.png");
    Files.writeString(target, "keep");
    assertThatThrownBy(() -> AtomicOutput.write(target, false, out -> out.write(1)))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(target)).isEqualTo("keep");
    AtomicOutput.write(target, true, out -> out.write('x'));
    assertThat(Files.readString(target)).isEqualTo("x");
    assertThat(names()).containsExactly("a.png");
  }

  @Test
  void aTargetCreatedByAnotherWriterMeanwhileIsNeverReplacedWithoutOverwrite() throws IOException {
    Path target = dir.resolve("a.png");
    assertThatThrownBy(() -> AtomicOutput.write(target, false, out -> {
      out.write(1);
      Files.writeString(target, "the other run's file"); // appears after the first check
    })).isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(target)).isEqualTo("the other run's file");
    assertThat(names()).containsExactly("a.png");
  }

  @Test
  void aFailureMidWriteLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("a.png");
    Files.writeString(target, "old content");
    assertThatThrownBy(() -> AtomicOutput.write(target, true, out -> {
      out.write(new byte[10_000]);
      throw new IOException("No space left on device");
    })).hasMessage("No space left on device");
    assertThat(Files.readString(target)).isEqualTo("old content");
    assertThat(names()).containsExactly("a.png");
  }

  @Test
  void temporaryFilesNameTheirProcess() throws IOException {
    Path target = dir.resolve("a.png");
    String[] seen = new String[1];
    AtomicOutput.write(target, false, out -> {
      try (Stream<Path> s = Files.list(dir)) {
        seen[0] = s.map(p -> p.getFileName().toString()).filter(AtomicOutput::isTempName).findFirst().orElseThrow();
      }
    });
    assertThat(seen[0]).startsWith(".a.png" + AtomicOutput.TEMP_MARKER + ProcessHandle.current().pid() + "-")
        .endsWith(".part");
    assertThat(AtomicOutput.writerPid(seen[0])).hasValue(ProcessHandle.current().pid());
  }

  @Test
  void removesLeftoversOfDeadProcessesButNotOfLiveOnesNorOtherFiles() throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor();
    long deadPid = done.pid();
    long livePid = ProcessHandle.current().parent().orElseThrow().pid();
    long ownPid = ProcessHandle.current().pid();
    String marker = AtomicOutput.TEMP_MARKER;
    Files.writeString(dir.resolve(".a.png" + marker + deadPid + "-123.part"), "partial");
    Files.writeString(dir.resolve(".b.png" + marker + ownPid + "-456.part"), "partial");
    Files.writeString(dir.resolve(".c.png" + marker + "789.part"), "old format, no pid");
    Files.writeString(dir.resolve(".d.png" + marker + livePid + "-1.part"), "another run is writing this");
    Files.writeString(dir.resolve("e.png"), "an image");
    Files.writeString(dir.resolve("notes" + marker + "1-1.txt"), "not ours");
    assertThat(AtomicOutput.removeLeftovers(dir)).isEqualTo(3);
    assertThat(names()).containsExactly(".d.png" + marker + livePid + "-1.part", "e.png",
        "notes" + marker + "1-1.txt");
  }
}

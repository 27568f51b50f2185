package dev.squish.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.testkit.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's exit codes, squish's own: 0 all done, 3 some files failed, 4 all failed, 2 a usage error
 * found once the file system is known. Each run starts and stops its own local[2] session, as the launcher does.
 */
class SquishSparkExitCodesTest {
  @TempDir
  Path tmp;

  private int run(Path in, Path out) {
    return SquishSpark.run(new String[] {"--master", "local[2]", "--input", in.toString(), "--output",
        out.toString(), "-k", "8"});
  }

  private Path folder(String name, boolean good, boolean corrupt) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    if (good) {
      Files.write(dir.resolve("chelsea.png"), TestImages.bytes(TestImages.CHELSEA));
    }
    if (corrupt) {
      byte[] png = TestImages.bytes(TestImages.CAMERA);
      Files.write(dir.resolve("truncated.png"), java.util.Arrays.copyOf(png, png.length / 4));
    }
    return dir;
  }

  @Test
  void exitCodesSayWhetherAllSomeOrNoneOfTheFilesWereDone() throws IOException {
    Path good = folder("good", true, false);
    assertThat(run(good, tmp.resolve("out-good"))).as("all written").isEqualTo(0);
    assertThat(run(good, tmp.resolve("out-good"))).as("all skipped on a second run").isEqualTo(0);
    assertThat(run(folder("mixed", true, true), tmp.resolve("out-mixed"))).as("one failed").isEqualTo(3);
    assertThat(run(folder("bad", false, true), tmp.resolve("out-bad"))).as("all failed").isEqualTo(4);
    assertThat(run(good, good.resolve("out"))).as("--output inside --input").isEqualTo(2);
    assertThat(good.resolve("out")).doesNotExist();
  }
}

package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.testkit.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {
  @TempDir
  Path dir;

  private Path photo() {
    return TestImages.copyTo(TestImages.CHELSEA, dir);
  }

  @Test
  void compressesAndPrintsOneLine() throws Exception {
    Path in = photo();
    Path out = dir.resolve("out.png");
    CliRun run = CliRun.of("--input", in.toString(), "--k", "16", "--output", out.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out().strip()).matches(
        ".*skimage-chelsea\\.png -> .*out\\.png: 240512 B -> \\d+ B, ratio \\d+\\.\\d\\d, \\d\\.\\d{3} bpp, 16 colours,"
            + " PSNR \\d\\d\\.\\d\\d dB, \\d+\\.\\d\\d s");
    assertThat(Files.size(out)).isLessThan(Files.size(in));
  }

  @Test
  void shortFormIsTheSameAsLongFormAndRepeatsByteForByte() throws Exception {
    Path in = photo();
    Path a = dir.resolve("a.png");
    Path b = dir.resolve("b.png");
    assertThat(CliRun.of("--input", in.toString(), "--k", "16", "--output", a.toString()).exitCode()).isZero();
    assertThat(CliRun.of(in.toString(), "-k", "16", "-o", b.toString()).exitCode()).isZero();
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }

  /** k above 64 seeds once and swaps nothing, so the seed's choice shows in the bytes. */
  @Test
  void seedIsUsedAndRepeatable() throws Exception {
    Path in = photo();
    Path a = dir.resolve("a.png");
    Path b = dir.resolve("b.png");
    Path c = dir.resolve("c.png");
    assertThat(CliRun.of(in.toString(), "-k", "100", "--seed", "7", "-o", a.toString()).exitCode()).isZero();
    assertThat(CliRun.of(in.toString(), "-k", "100", "--seed", "7", "-o", b.toString()).exitCode()).isZero();
    assertThat(CliRun.of(in.toString(), "-k", "100", "--seed", "8", "-o", c.toString()).exitCode()).isZero();
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(Files.readAllBytes(c)).as("another seed").isNotEqualTo(Files.readAllBytes(a));
  }

  /** The speed reaches the fit and the writer: the fastest writes other bytes than the default, repeatably. */
  @Test
  void speedIsUsedAndRepeatable() throws Exception {
    Path in = photo();
    Path fast = dir.resolve("fast.png");
    Path again = dir.resolve("again.png");
    Path normal = dir.resolve("normal.png");
    assertThat(CliRun.of(in.toString(), "-k", "64", "--speed", "11", "-o", fast.toString()).exitCode()).isZero();
    assertThat(CliRun.of(in.toString(), "-k", "64", "--speed", "11", "-o", again.toString()).exitCode()).isZero();
    assertThat(CliRun.of(in.toString(), "-k", "64", "-o", normal.toString()).exitCode()).isZero();
    assertThat(Files.readAllBytes(fast)).isEqualTo(Files.readAllBytes(again));
    assertThat(Files.readAllBytes(fast)).as("speed 11 against the default").isNotEqualTo(Files.readAllBytes(normal));
  }

  @Test
  void jsonHasTheSameFigures() {
    Path in = photo();
    CliRun run = CliRun.of(in.toString(), "-k", "8", "-o", dir.resolve("j.png").toString(), "--json");
    assertThat(run.exitCode()).isZero();
    String json = run.out().strip();
    assertThat(json).startsWith("{").endsWith("}");
    assertThat(json).contains("\"input_bytes\":240512", "\"colors\":8", "\"k\":8", "\"psnr_db\":",
        "\"bits_per_pixel\":", "\"ratio\":", "\"seconds\":", "\"converged\":true", "\"channels\":\"RGB\"");
  }

  @Test
  void aSkipCarriesTheFiguresItsReasonQuotes() throws Exception {
    Path in = photo();
    Path small = dir.resolve("four.png");
    assertThat(CliRun.of(in.toString(), "-k", "4", "-o", small.toString()).exitCode()).isZero();
    // the 4-colour file again at k = 256 and the fastest deflate: larger than its input
    CliRun larger = CliRun.of(small.toString(), "-k", "256", "--speed", "11", "-o", dir.resolve("again.png").toString(),
        "--skip-if-larger", "--json");
    assertThat(larger.exitCode()).isZero();
    String json = larger.out().strip();
    assertThat(json).contains("\"status\":\"skipped\"", "\"input_bytes\":" + Files.size(small),
        "\"width\":451", "\"height\":300", "\"colors\":4", "\"k\":256", "\"lossless\":true");
    assertThat(json).containsPattern("\"output_bytes\":\\d+").doesNotContain("\"output_bytes\":null");

    CliRun existing = CliRun.of(in.toString(), "-o", small.toString(), "--skip-existing", "--json");
    assertThat(existing.out()).contains("\"status\":\"skipped\"", "\"input_bytes\":240512");
  }

  @Test
  void defaultOutputGoesBesideTheInput() {
    Path in = photo();
    assertThat(CliRun.of(in.toString(), "-k", "4").exitCode()).isZero();
    assertThat(dir.resolve("skimage-chelsea-squish.png")).exists();
  }

  @Test
  void gifWhenTheOutputEndsInGif() throws Exception {
    Path out = dir.resolve("x.gif");
    assertThat(CliRun.of(photo().toString(), "-k", "16", "-o", out.toString()).exitCode()).isZero();
    assertThat(new String(Files.readAllBytes(out), 0, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GIF");
  }

  @Test
  void refusesToOverwriteWithoutForce() throws Exception {
    Path in = photo();
    Path out = dir.resolve("o.png");
    Files.writeString(out, "keep me");
    CliRun run = CliRun.of(in.toString(), "-k", "4", "-o", out.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.ALL_FAILED.code());
    assertThat(run.err().strip()).endsWith("o.png exists; use --force to overwrite it or --skip-existing to skip it");
    assertThat(Files.readString(out)).isEqualTo("keep me");
    assertThat(CliRun.of(in.toString(), "-k", "4", "-o", out.toString(), "--force").exitCode()).isZero();
    assertThat(Files.size(out)).isGreaterThan(100);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "257", "-1", "abc", "1.5", ""})
  void badKIsAUsageErrorWithAHint(String k) {
    CliRun run = CliRun.of(photo().toString(), "--k", k, "-o", dir.resolve("k.png").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    String[] lines = run.err().strip().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).startsWith("squish: --k must be").contains("1").contains("256");
    assertThat(lines[1]).isEqualTo("try squish --help");
    assertThat(dir.resolve("k.png")).doesNotExist();
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun run = CliRun.of("--frobnicate", photo().toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).startsWith("squish: Unknown option: '--frobnicate'").contains("try squish --help");
    assertThat(run.err().lines().count()).isEqualTo(2);
  }

  @Test
  void missingInputFailsWithItsName() {
    CliRun run = CliRun.of(dir.resolve("nope.png").toString(), "-o", dir.resolve("x.png").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.ALL_FAILED.code());
    assertThat(run.err().strip()).isEqualTo("squish: " + dir.resolve("nope.png") + ": no such file");
  }

  @Test
  void outputMustBePngOrGif() {
    CliRun run = CliRun.of(photo().toString(), "-o", dir.resolve("x.jpg").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("--output must end in .png or .gif");
  }

  @Test
  void helpListsTheExitCodes() {
    CliRun run = CliRun.of("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--input", "--k", "--output", "--seed", "--json", "Exit codes:", "130");
  }

  @Test
  void oneColourIsSingular() throws Exception {
    Path in = dir.resolve("flat.png");
    BufferedImage flat = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        flat.setRGB(x, y, 0x336699);
      }
    }
    ImageIO.write(flat, "png", in.toFile());
    CliRun run = CliRun.of(in.toString(), "-k", "4", "-o", dir.resolve("flat-out.png").toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains(", 1 colour, ").doesNotContain("1 colours");
  }

  @Test
  void helpSummariesOfTheCommandsAreWholeSentences() {
    CliRun run = CliRun.of("--help");
    String commands = run.out().substring(run.out().indexOf("Commands:"), run.out().indexOf("Exit codes:"));
    assertThat(commands).contains("plot").doesNotMatch("(?s).*:\\s*\\n\\s*\\n.*");
    assertThat(run.out()).doesNotContain("[picocli WARN]", "Could not format");
  }

  /**
   * {@code plot --help} once wrapped its file list to column 0 (description lines) and showed
   * {@code --rd-k=K,K,...[,K,K,......]} (a label that repeated what {@code split} adds).
   */
  @Test
  void plotHelpIndentsEveryWrappedLineAndShowsEachListOptionsValuesOnce() {
    PrintStream stderr = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    CliRun run;
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8)); // picocli warns on System.err
    try {
      run = CliRun.of("plot", "--help");
    } finally {
      System.setErr(stderr);
    }
    assertThat(run.exitCode()).isZero();
    String out = run.out();
    // below the command's own paragraph only the section headings start at column 0
    assertThat(out.substring(out.indexOf("Files written:")).lines()
        .filter(l -> !l.isBlank() && !l.startsWith(" ") && !l.endsWith(":"))).isEmpty();
    assertThat(out).contains("Files written:", "NAME-rd.png", "--rd-k=K[,K...]", "--rd-methods=M[,M...]")
        .doesNotContain("...[,", "[picocli WARN]", "Could not format");
    assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("[picocli WARN]");
  }

  @Test
  void stdinToStdout() {
    byte[] png = TestImages.bytes(TestImages.CHELSEA);
    CliRun run = CliRun.withStdin(png, "-", "-k", "8", "-o", "-");
    assertThat(run.exitCode()).isZero();
    assertThat(run.outBytes()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    assertThat(run.err()).contains("- -> -:");
  }
}

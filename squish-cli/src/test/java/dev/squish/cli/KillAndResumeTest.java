package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.io.decode.DecodedImage;
import dev.squish.io.decode.ImageDecoder;
import dev.squish.io.files.AtomicOutput;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 for real: squish runs as its own process on a batch of 2,000 small photo crops, is
 * killed with SIGKILL (no shutdown hook, no clean-up, no report) at seeded moments, at least ten
 * times, and is then run again with {@code --skip-existing} until it finishes. In the end every
 * input has exactly one output, byte-identical to what an uninterrupted run writes, no temporary
 * file is left anywhere under the output folder, and the last report lists every input once.
 *
 * <p>Larger: {@code mvn -B -o -pl squish-cli -am verify -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtest=KillAndResumeTest -Dsquish.resume.count=10000 -Dsquish.resume.kills=30}.
 */
@EnabledOnOs(OS.LINUX)
class KillAndResumeTest {
  private static final int COUNT = Integer.getInteger("squish.resume.count", 2000);
  private static final int KILLS = Integer.getInteger("squish.resume.kills", 12);
  private static final long SEED = Long.getLong("squish.resume.seed", 15L);
  private static final int MAX_RESUMES = 5;
  private static final String[] OPTIONS = {"-k", "8", "--seed", "3"};

  @TempDir
  Path dir;

  @Test
  void killedAtRandomMomentsThenResumedEveryInputHasOneCompleteOutputAndOneReportRow() throws Exception {
    Path in = dir.resolve("in");
    List<GeneratedBatch.Made> inputs = GeneratedBatch.write(in, COUNT, 16, 48, List.of("png", "jpg"), 0, SEED);
    Path ref = dir.resolve("ref");
    // the reference in this JVM on one thread, the killed runs in another on two: determinism across both
    CliRun clean = CliRun.of(cli(in, ref, null, false, "--jobs", "1", "-q"));
    assertThat(clean.exitCode()).as(clean.err()).isZero();

    Path out = dir.resolve("out");
    Path report = out.resolve("report.json");
    Random random = new Random(SEED);
    List<Integer> targets = new ArrayList<>();
    targets.add(0); // once while the JVM starts and plans, before any output
    for (int i = 1; i < KILLS; i++) {
      targets.add(1 + random.nextInt(COUNT - 40));
    }
    targets.sort(null);
    int kills = 0;
    List<String> log = new ArrayList<>();
    long start = System.nanoTime();
    for (int target : targets) {
      Process squish = start(cli(in, out, report, kills > 0, "--jobs", "2", "-q"), dir.resolve("kill-" + kills));
      try {
        if (!waitForOutputs(out, target, squish)) {
          log.add("round " + kills + ": ended before " + target + " outputs, exit " + squish.exitValue());
          break;
        }
        Thread.sleep(random.nextInt(40)); // not always right after a rename
        if (squish.isAlive()) {
          squish.destroyForcibly(); // SIGKILL on Linux
          assertThat(squish.waitFor(30, TimeUnit.SECONDS)).isTrue();
          kills++;
          log.add("kill " + kills + " at " + finishedOutputs(out) + " outputs, " + tempFiles(out).size()
              + " temporary files left");
        }
      } finally {
        squish.destroyForcibly();
      }
    }
    int resumes = 0;
    int code = -1;
    while (code != 0 && resumes < MAX_RESUMES) {
      resumes++;
      Process squish = start(cli(in, out, report, true, "--jobs", "2", "-q"), dir.resolve("resume-" + resumes));
      assertThat(squish.waitFor(10, TimeUnit.MINUTES)).isTrue();
      code = squish.exitValue();
      log.add("resume " + resumes + ": exit " + code);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("KillAndResumeTest: %d inputs, %d kills, %d resume runs, %.1f s%n  %s%n", COUNT, kills,
        resumes, seconds, String.join("\n  ", log));

    assertThat(kills).as("SIGKILLs that hit a running squish").isGreaterThanOrEqualTo(10);
    assertThat(code).as("the resumed run finishes cleanly").isZero();
    assertThat(tempFiles(out)).as("temporary files under the output folder").isEmpty();
    everyInputHasItsReferenceOutput(inputs, ref, out);
    reportListsEveryInputOnce(inputs, report);
  }

  private static String[] cli(Path in, Path out, Path report, boolean resume, String... more) {
    List<String> args = new ArrayList<>(List.of(in.toString(), "--output-dir", out.toString()));
    args.addAll(List.of(OPTIONS));
    if (report != null) {
      args.addAll(List.of("--report", report.toString()));
    }
    if (resume) {
      args.add("--skip-existing");
    }
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static Process start(String[] args, Path logs) throws IOException {
    return new ProcessBuilder(GeneratedBatch.squishCommand(List.of(), args))
        .redirectOutput(Path.of(logs + ".out").toFile()).redirectError(Path.of(logs + ".err").toFile()).start();
  }

  private static void everyInputHasItsReferenceOutput(List<GeneratedBatch.Made> inputs, Path ref, Path out)
      throws Exception {
    TreeSet<String> expected = new TreeSet<>();
    for (GeneratedBatch.Made m : inputs) {
      expected.add(OutputNaming.stem(m.path()) + ".png");
    }
    TreeSet<String> present = new TreeSet<>();
    try (Stream<Path> s = Files.walk(out)) {
      s.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).filter(n -> !n.equals("report.json"))
          .forEach(present::add);
    }
    assertThat(present).as("exactly one output per input, nothing else").isEqualTo(expected);
    ImageDecoder decoder = new ImageDecoder(dev.squish.io.decode.DecodeLimits.defaults());
    for (String name : expected) {
      byte[] bytes = Files.readAllBytes(out.resolve(name));
      assertThat(bytes).as("output " + name + " is what an uninterrupted run writes")
          .isEqualTo(Files.readAllBytes(ref.resolve(name)));
      DecodedImage d = decoder.decode(bytes, bytes.length);
      assertThat(d.image().width()).as(name).isBetween(16, 48);
    }
  }

  private static void reportListsEveryInputOnce(List<GeneratedBatch.Made> inputs, Path report) throws IOException {
    Pattern row = Pattern.compile("^\\{\"input\":\"([^\"]+)\",\"output\":(?:\"[^\"]*\"|null),\"status\":\"(\\w+)\"");
    Map<String, Integer> seen = new HashMap<>();
    Map<String, Integer> statuses = new TreeMap<>();
    for (String line : Files.readAllLines(report)) {
      Matcher m = row.matcher(line);
      if (m.find()) {
        seen.merge(m.group(1), 1, Integer::sum);
        String status = m.group(2);
        if (status.equals("skipped")) {
          assertThat(line).contains("exists (--skip-existing)");
        }
        statuses.merge(status, 1, Integer::sum);
      }
    }
    Map<String, Integer> expected = new HashMap<>();
    inputs.forEach(m -> expected.put(m.path().toString(), 1));
    assertThat(seen).as("report rows per input").isEqualTo(expected);
    assertThat(statuses.keySet()).as("statuses in the last report").isSubsetOf("written", "skipped");
  }

  /** Waits until {@code n} outputs are in place; false if squish ended first. */
  private static boolean waitForOutputs(Path out, int n, Process squish) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (finishedOutputs(out) >= n) {
        return true;
      }
      if (!squish.isAlive()) {
        return false;
      }
      Thread.sleep(2);
    }
    throw new AssertionError("no progress in 5 minutes");
  }

  /** Outputs renamed into place: names only (temporary files come and go between a listing and a look). */
  private static int finishedOutputs(Path out) throws IOException {
    if (!Files.isDirectory(out)) {
      return 0;
    }
    int n = 0;
    try (DirectoryStream<Path> names = Files.newDirectoryStream(out, "[!.]*.png")) {
      for (Path ignored : names) {
        n++;
      }
    }
    return n;
  }

  /** Hidden files anywhere under {@code root}: squish's temporary files, or anything else half-done. */
  private static List<Path> tempFiles(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".")
          || AtomicOutput.isTempName(p.getFileName().toString())).toList();
    }
  }
}

package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.squish.io.files.AtomicOutput;
import dev.squish.testkit.TestImages;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * README.md's "Using it" block, run as a reader would paste it: every line in order, in a fresh
 * folder holding only {@code photo.jpg} (a real photo, made small so that {@code plot}'s sweep is
 * quick). {@code ./squish} is the command run in-process, with the folder as its working folder:
 * arguments that name files ({@code FILE}, {@code DIR}, {@code IMAGE}) are resolved against it;
 * {@code cat X | ./squish ...} feeds X to standard input and {@code > Y} writes standard output to
 * Y. A line without {@code ./squish} (making a folder to try a batch on) runs in bash. Each line must
 * exit with 0 and make the outputs it names, as images that decode. {@code ./squish serve}, which
 * runs until stopped, is run on a free port ({@code --port 0}, so that a server of the reader's own
 * on 8407 does not matter) until its page answers, then stopped.
 */
class ReadmeUsingItTest {
  private static final Set<String> PATH_LABELS = Set.of("FILE", "DIR", "IMAGE");

  @TempDir
  Path dir;

  @Test
  void everyLineOfUsingItRunsAsWrittenInOrder() throws Exception {
    List<String> lines = usingItLines(Files.readString(Path.of("..", "README.md")));
    assertThat(lines).as("commands in README's \"Using it\" block").hasSizeGreaterThan(5);
    writeSmallPhoto(dir.resolve("photo.jpg"));
    for (String line : lines) {
      List<String> words = words(line);
      if (!words.contains("./squish")) {
        shell(line);
        continue;
      }
      Command c = Command.of(words);
      if (!c.args().isEmpty() && c.args().get(0).equals("serve")) {
        serve(line, c);
        continue;
      }
      Set<Path> before = files();
      byte[] stdin = c.stdin() == null ? new byte[0] : Files.readAllBytes(dir.resolve(c.stdin()));
      CliRun run = CliRun.withStdin(stdin, resolved(c.args()));
      assertThat(run.exitCode()).as("exit code of\n  %s\nstderr: %s", line, run.err()).isZero();
      if (c.stdout() != null) {
        Files.write(dir.resolve(c.stdout()), run.outBytes());
      }
      List<Path> outputs = outputs(c);
      assertThat(outputs).as("the outputs named by\n  %s", line).isNotEmpty();
      for (Path out : outputs) {
        assertImage(out, line);
      }
      if (c.stdout() == null) {
        Set<Path> made = files();
        made.removeAll(before);
        assertThat(made).as("files made by\n  %s", line).isNotEmpty();
      }
    }
  }

  /** The lines of the first {@code sh} block after "## Using it", without blank and comment-only lines. */
  static List<String> usingItLines(String readme) {
    int heading = readme.indexOf("\n## Using it\n");
    assertThat(heading).as("README has a \"## Using it\" section").isPositive();
    int open = readme.indexOf("```sh\n", heading);
    int close = readme.indexOf("\n```", open + 6);
    assertThat(open).isPositive();
    List<String> lines = new ArrayList<>();
    for (String l : readme.substring(open + 6, close).split("\n")) {
      if (!l.isBlank() && !l.strip().startsWith("#")) {
        lines.add(l.strip());
      }
    }
    return lines;
  }

  /** Shell words of a line up to a comment; quotes group, operators ({@code | > &&}) are words of their own. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    Matcher m = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)").matcher(line);
    while (m.find()) {
      if (m.group(3) != null && m.group(3).startsWith("#")) {
        break;
      }
      words.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
    }
    return words;
  }

  /** A squish line: {@code [cat IN |] ./squish ARGS [> OUT]}. */
  record Command(List<String> args, String stdin, String stdout) {
    static Command of(List<String> words) {
      int at = words.indexOf("./squish");
      String in = null;
      if (at > 0) {
        assertThat(words.subList(0, at)).as("what comes before ./squish in %s", words).hasSize(3)
            .startsWith("cat").endsWith("|");
        in = words.get(1);
      }
      List<String> args = new ArrayList<>(words.subList(at + 1, words.size()));
      String out = null;
      int gt = args.indexOf(">");
      if (gt >= 0) {
        assertThat(args).as("only a file after >").hasSize(gt + 2);
        out = args.get(gt + 1);
        args = args.subList(0, gt);
      }
      assertThat(args).as("a squish line with no other shell operators").doesNotContain("|", "&&", ";", "<", ">>");
      return new Command(List.copyOf(args), in, out);
    }
  }

  /** The command's spec: squish's, or that of the subcommand named first. */
  private static CommandSpec spec(List<String> args) {
    CommandLine cli = Main.commandLine(Environment.of(new ByteArrayInputStream(new byte[0]),
        new ByteArrayOutputStream()));
    Map<String, CommandLine> subs = cli.getSubcommands();
    return !args.isEmpty() && subs.containsKey(args.get(0)) ? subs.get(args.get(0)).getCommandSpec()
        : cli.getCommandSpec();
  }

  private static boolean namesAFile(ArgSpec a) {
    return PATH_LABELS.contains(a.paramLabel()) || a.type() == Path.class;
  }

  /** The arguments with every file or folder name resolved against the folder ("-" stays). */
  private String[] resolved(List<String> args) {
    CommandSpec spec = spec(args);
    List<String> out = new ArrayList<>();
    boolean sub = spec.parent() != null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (i == 0 && sub) {
        out.add(a);
        continue;
      }
      OptionSpec o = a.startsWith("-") && a.length() > 1 ? spec.findOption(a) : null;
      if (o != null) {
        out.add(a);
        if (o.arity().max() > 0) {
          String v = args.get(++i);
          out.add(namesAFile(o) ? path(v) : v);
        }
      } else if (a.startsWith("--") && a.contains("=")) {
        OptionSpec eq = spec.findOption(a.substring(0, a.indexOf('=')));
        String v = a.substring(a.indexOf('=') + 1);
        out.add(a.substring(0, a.indexOf('=') + 1) + (eq != null && namesAFile(eq) ? path(v) : v));
      } else {
        // an unknown option stays as written, for squish to refuse; anything else is a file or folder
        boolean positional = !a.startsWith("-") || a.equals("-");
        out.add(positional && spec.positionalParameters().stream().anyMatch(ReadmeUsingItTest::namesAFile)
            ? path(a) : a);
      }
    }
    return out.toArray(String[]::new);
  }

  private String path(String v) {
    return v.equals("-") ? v : dir.resolve(v).toString();
  }

  /**
   * What a squish line writes by its own options: -o, > FILE, --output-dir, plot's -d, or NAME-squish.png beside
   * each input.
   */
  private List<Path> outputs(Command c) throws IOException {
    List<Path> outs = new ArrayList<>();
    if (c.stdout() != null) {
      outs.add(dir.resolve(c.stdout()));
    }
    List<String> a = c.args();
    boolean plot = !a.isEmpty() && a.get(0).equals("plot");
    String output = value(a, "-o", "--output");
    String outputDir = value(a, plot ? "-d" : "--output-dir", "--output-dir");
    if (output != null && !output.equals("-")) {
      outs.add(dir.resolve(output));
    } else if (outputDir != null) {
      try (Stream<Path> s = Files.walk(dir.resolve(outputDir))) {
        // a plot folder also holds the palette used (NAME-palette.gpl), which is no image
        outs.addAll(s.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".gpl")
            && !f.toString().endsWith(".hex")).toList());
      }
      assertThat(outs).as("files in %s", outputDir).isNotEmpty();
    } else if (output == null && c.stdout() == null) {
      String suffix = "gif".equals(value(a, "--format", "--format")) ? "-squish.gif" : "-squish.png";
      for (String in : inputs(a)) {
        Path p = dir.resolve(in);
        if (Files.isRegularFile(p)) {
          String name = p.getFileName().toString();
          outs.add(p.resolveSibling(name.substring(0, name.lastIndexOf('.')) + suffix));
        }
      }
    }
    return outs;
  }

  /** The words of a squish line that are neither options nor their values. */
  private static List<String> inputs(List<String> args) {
    CommandSpec spec = spec(args);
    List<String> in = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      OptionSpec o = args.get(i).startsWith("-") ? spec.findOption(args.get(i)) : null;
      if (o != null) {
        i += o.arity().max() > 0 ? 1 : 0;
      } else if (!args.get(i).startsWith("-")) {
        in.add(args.get(i));
      }
    }
    return in;
  }

  private static String value(List<String> args, String shortName, String longName) {
    for (int i = 0; i + 1 < args.size(); i++) {
      if (args.get(i).equals(shortName) || args.get(i).equals(longName)) {
        return args.get(i + 1);
      }
    }
    return null;
  }

  private static void assertImage(Path out, String line) throws IOException {
    assertThat(out).as("output of\n  %s", line).isRegularFile();
    BufferedImage img = ImageIO.read(out.toFile());
    assertThat(img).as("%s, written by\n  %s, decodes as an image", out.getFileName(), line).isNotNull();
    assertThat(img.getWidth()).isPositive();
  }

  private Set<Path> files() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return new HashSet<>(s.filter(Files::isRegularFile).toList());
    }
  }

  private void shell(String line) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", "-c", line).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s ends", line).isTrue();
    assertThat(p.exitValue()).as("exit code of\n  %s\n%s", line, output).isZero();
  }

  /** Runs the serve line on a free port until its page answers, then stops it. */
  private void serve(String line, Command c) throws Exception {
    List<String> args = new ArrayList<>(c.args());
    if (!args.contains("--port") && !args.contains("-p")) {
      args.add("--port");
      args.add("0");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Environment env = new Environment(new ByteArrayInputStream(new byte[0]), out, false, AtomicOutput::write);
    int[] code = {-1};
    Thread t = new Thread(() -> code[0] = Main.run(args.toArray(String[]::new), env,
        new PrintStream(err, true, StandardCharsets.UTF_8)), "readme-serve");
    t.setDaemon(true);
    t.start();
    try {
      Pattern address = Pattern.compile("serving (http://\\S+)");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      Matcher m = address.matcher("");
      while (!m.reset(out.toString(StandardCharsets.UTF_8)).find()) {
        if (!t.isAlive()) {
          fail(line + " ended with " + code[0] + " before serving: " + err.toString(StandardCharsets.UTF_8));
        }
        if (System.nanoTime() > deadline) {
          fail(line + " printed no address in 60 s: " + out.toString(StandardCharsets.UTF_8));
        }
        Thread.sleep(20);
      }
      HttpResponse<String> page = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
          HttpRequest.newBuilder(URI.create(m.group(1))).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).as("the page of %s", line).isEqualTo(200);
      assertThat(page.body()).contains("<title>squish");
    } finally {
      t.interrupt(); // serve waits until stopped; the interrupt ends the wait and closes the server
      t.join(TimeUnit.SECONDS.toMillis(30));
    }
    assertThat(t.isAlive()).as("%s stops", line).isFalse();
  }

  /** grace_hopper scaled to 128 × 150 and written as a JPEG: a real photo, small enough for plot's sweep. */
  private static void writeSmallPhoto(Path to) throws IOException {
    BufferedImage big = ImageIO.read(new ByteArrayInputStream(TestImages.bytes(TestImages.GRACE_HOPPER)));
    BufferedImage small = new BufferedImage(128, 150, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(big, 0, 0, 128, 150, null);
    g.dispose();
    assertThat(ImageIO.write(small, "jpg", to.toFile())).isTrue();
  }
}

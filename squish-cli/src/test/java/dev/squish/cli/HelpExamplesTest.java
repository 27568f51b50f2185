package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every example at the end of {@code --help} (and of each subcommand's help) is a command squish accepts. */
class HelpExamplesTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "serve", "plot"})
  void everyExampleParses(String subcommand) {
    CliRun help = subcommand.isEmpty() ? CliRun.of("--help") : CliRun.of(subcommand, "--help");
    assertThat(help.exitCode()).isZero();
    List<String> examples = examples(help.out());
    assertThat(examples).as("examples of %s --help", subcommand).isNotEmpty();
    for (String example : examples) {
      List<String> words = new ArrayList<>(ReadmeUsingItTest.words(example));
      int squish = words.indexOf("squish");
      assertThat(squish).as("%s names squish", example).isNotNegative();
      int gt = words.indexOf(">");
      List<String> args = words.subList(squish + 1, gt < 0 ? words.size() : gt);
      assertThatCode(() -> Main.commandLine(Environment.of(new ByteArrayInputStream(new byte[0]),
          new ByteArrayOutputStream())).parseArgs(args.toArray(String[]::new)))
          .as("the --help example %s", example).doesNotThrowAnyException();
    }
  }

  /** The commands after "Examples:", each without its description (set off by two or more spaces). */
  private static List<String> examples(String help) {
    List<String> out = new ArrayList<>();
    boolean in = false;
    for (String line : help.split("\n")) {
      if (line.startsWith("Examples:")) {
        in = true;
      } else if (in && line.startsWith("  ")) {
        out.add(line.strip().split(" {2,}")[0]);
      } else if (in && !line.isBlank()) {
        in = false;
      }
    }
    return out;
  }
}

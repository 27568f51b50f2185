package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.io.palette.PaletteFiles;
import dev.squish.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands of README's "Given, saved and shared palettes" run as written, in order, in a folder
 * holding photo.jpg (Grace Hopper's portrait) and short.png (as "Using it" leaves it), and write
 * what they name.
 */
class ReadmePalettesTest {
  @TempDir
  Path dir;

  @Test
  void everyCommandOfTheSectionRunsAsWritten() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    int heading = readme.indexOf("\n### Given, saved and shared palettes\n");
    assertThat(heading).as("README has the section").isPositive();
    int open = readme.indexOf("```sh\n", heading);
    int close = readme.indexOf("\n```", open + 6);
    List<String> lines = readme.substring(open + 6, close).lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(5);
    Files.write(dir.resolve("photo.jpg"), TestImages.bytes(TestImages.GRACE_HOPPER));
    assertThat(CliRun.of(s("photo.jpg"), "-k", "16", "-o", s("short.png")).exitCode()).isZero();
    for (String line : lines) {
      List<String> words = ReadmeUsingItTest.words(line);
      assertThat(words.get(0)).isEqualTo("./squish");
      List<String> args = new ArrayList<>();
      for (int i = 1; i < words.size(); i++) {
        String w = words.get(i);
        boolean path = w.matches("[\\w-]+\\.(jpg|png|gpl|hex|json)") || words.get(i - 1).equals("--output-dir");
        args.add(path ? s(w) : w);
      }
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.exitCode()).as("%s%n%s", line, run.err()).isZero();
      for (int i = 1; i < words.size(); i++) {
        if (List.of("-o", "--output-dir", "--save-palette", "--report").contains(words.get(i - 1))) {
          assertThat(dir.resolve(words.get(i))).as("%s writes %s", line, words.get(i)).exists();
        }
      }
    }
    assertThat(PaletteFiles.read(dir.resolve("photo.gpl")).size()).isEqualTo(16);
    assertThat(PaletteFiles.read(dir.resolve("shared.hex")).size()).isEqualTo(32);
    assertThat(Files.readString(dir.resolve("shared.json"))).contains("\"shared_palette\":true");
  }

  private String s(String name) {
    return dir.resolve(name).toString();
  }
}

package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squish.testkit.BadInputs;
import dev.squish.testkit.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The summary printed and the {@code --report} rows describe exactly the files on disk: every
 * written row's output exists with the size the row gives, skipped and failed rows have no new
 * output, and the totals are the sums of the sizes on disk.
 */
class ReportAgreesWithDiskTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"json", "csv"})
  void summaryAndReportAgreeWithTheFilesOnDisk(String kind) throws IOException {
    Path p = dir.resolve("p");
    Files.createDirectories(p.resolve("sub"));
    for (String photo : TestImages.PHOTOS) {
      TestImages.copyTo(photo, photo.endsWith(".jpg") ? p.resolve("sub") : p);
    }
    BadInputs.copyTo(BadInputs.TRUNCATED_PNG, p);
    Path kept = p.resolve("skimage-camera-squish.png");
    Files.writeString(kept, "an output from before");
    Set<Path> before = new HashSet<>(files(p));
    Path report = dir.resolve("report." + kind);

    CliRun run = CliRun.of(p.toString(), "-r", "-k", "16", "--skip-existing", "--report", report.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.SOME_FAILED.code());
    List<Map<String, String>> rows = kind.equals("json") ? jsonRows(report) : csvRows(report);
    assertThat(rows).extracting(r -> Path.of(r.get("input")).getFileName().toString()).as("sorted input order")
        .containsExactly("skimage-camera.png", "skimage-chelsea.png", "mpl-grace_hopper.jpg", "opencv-baboon.jpg",
            "truncated.png");
    assertThat(rows).extracting(r -> r.get("status"))
        .containsExactly("skipped", "written", "written", "written", "failed");
    long in = 0;
    long out = 0;
    Set<Path> expected = new HashSet<>(before);
    for (Map<String, String> r : rows) {
      Path input = Path.of(r.get("input"));
      assertThat(input).exists();
      switch (r.get("status")) {
        case "written" -> {
          Path output = Path.of(r.get("output"));
          assertThat(Files.size(output)).isEqualTo(Long.parseLong(r.get("output_bytes")));
          assertThat(Files.size(input)).isEqualTo(Long.parseLong(r.get("input_bytes")));
          assertThat(Double.parseDouble(r.get("psnr_db"))).isGreaterThan(20);
          in += Files.size(input);
          out += Files.size(output);
          expected.add(output);
        }
        case "skipped" -> {
          assertThat(Path.of(r.get("output"))).isEqualTo(kept);
          assertThat(Files.readString(kept)).isEqualTo("an output from before");
        }
        default -> assertThat(r.get("reason")).startsWith("truncated PNG");
      }
    }
    assertThat(new HashSet<>(files(p))).as("nothing but the written outputs is new").isEqualTo(expected);
    assertThat(run.out()).contains("5 files in", ": 3 written, 1 skipped, 1 failed",
        "  written: " + in + " B -> " + out + " B, ratio ");
    if (kind.equals("json")) {
      String summary = Files.readString(report).lines().findFirst().orElseThrow();
      assertThat(summary).startsWith("{\"summary\":{\"files\":5,\"written\":3,\"skipped\":1,\"failed\":1,"
          + "\"input_bytes\":" + in + ",\"output_bytes\":" + out + ",");
    }
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  private static List<Map<String, String>> jsonRows(Path report) throws IOException {
    return Files.readString(report).lines().filter(l -> l.startsWith("{\"input\":"))
        .map(ReportAgreesWithDiskTest::flatJson).toList();
  }

  private static final Pattern MEMBER = Pattern.compile(
      "\"([a-z_]+)\":(null|true|false|-?[0-9.Ee+-]+|\"((?:[^\"\\\\]|\\\\.)*)\")[,}]");

  /** A flat JSON object (as the report writes per file) to its members as text; null stays null. */
  static Map<String, String> flatJson(String line) {
    Map<String, String> m = new LinkedHashMap<>();
    Matcher mt = MEMBER.matcher(line);
    while (mt.find()) {
      String raw = mt.group(2);
      m.put(mt.group(1), raw.equals("null") ? null : mt.group(3) != null ? mt.group(3).replace("\\\"", "\"")
          .replace("\\\\", "\\") : raw);
    }
    return m;
  }

  private static List<Map<String, String>> csvRows(Path report) throws IOException {
    List<List<String>> lines = new ArrayList<>();
    for (String line : Files.readString(report).split("\r\n")) {
      lines.add(csvCells(line));
    }
    List<String> header = lines.get(0);
    assertThat(header).containsExactlyElementsOf(ReportRow.COLUMNS);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> cells : lines.subList(1, lines.size())) {
      assertThat(cells).hasSize(header.size());
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        m.put(header.get(i), cells.get(i).isEmpty() ? null : cells.get(i));
      }
      rows.add(m);
    }
    return rows;
  }

  /** One RFC 4180 line (no line breaks inside cells in these reports). */
  private static List<String> csvCells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}

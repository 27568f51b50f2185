package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;
import dev.squish.io.encode.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How inputs expand into tasks and how outputs are named; no image is decoded here. */
class BatchPlanTest {
  @TempDir
  Path dir;

  private Path photos;

  @BeforeEach
  void tree() throws IOException {
    photos = dir.resolve("photos");
    for (String f : List.of("b.jpg", "a.png", "c.GIF", "notes.txt", ".hidden.png", "a-squish.png",
        "2024/z.webp", "2024/y.tiff", "2024/deep/x.bmp", ".git/obj.png", "raw/readme.md")) {
      Path p = photos.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "x");
    }
  }

  private static BatchPlan.Rules beside() {
    return new BatchPlan.Rules(null, null, null, OutputFormat.PNG, false);
  }

  private static List<String> inputs(BatchPlan plan) {
    return plan.items().stream().map(PlanItem::shownInput).toList();
  }

  private static List<String> outputs(BatchPlan plan) {
    return plan.items().stream().map(i -> i instanceof PlanItem.Planned p ? p.task().shownOutput() : "refused")
        .toList();
  }

  private String p(String rel) {
    return dir.resolve(rel).toString();
  }

  @Test
  void aFolderIsTheImagesDirectlyInItSortedSkippingHiddenFilesAndEarlierOutputs() {
    BatchPlan plan = BatchPlan.of(List.of(photos.toString()), beside());
    assertThat(inputs(plan)).containsExactly(p("photos/a.png"), p("photos/b.jpg"), p("photos/c.GIF"));
    assertThat(outputs(plan)).containsExactly(p("photos/a-squish.png"), p("photos/b-squish.png"),
        p("photos/c-squish.png"));
    assertThat(plan.ignoredFiles()).isEqualTo(1);
    assertThat(plan.ignoredExtensions()).containsExactly(".txt");
    assertThat(plan.hasFolders()).isTrue();
  }

  @Test
  void recursiveTakesTheWholeTreeButNotHiddenFolders() {
    BatchPlan plan = BatchPlan.of(List.of(photos.toString()),
        new BatchPlan.Rules(null, null, null, OutputFormat.PNG, true));
    assertThat(inputs(plan)).containsExactly(p("photos/2024/deep/x.bmp"), p("photos/2024/y.tiff"),
        p("photos/2024/z.webp"), p("photos/a.png"), p("photos/b.jpg"), p("photos/c.GIF"));
    assertThat(plan.ignoredFiles()).isEqualTo(2);
  }

  @Test
  void outputDirMirrorsTheTreeUnderTheFolderGivenAndFilesByName() {
    Path out = dir.resolve("out");
    BatchPlan plan = BatchPlan.of(List.of(photos.toString(), photos.resolve("2024/z.webp").toString()),
        new BatchPlan.Rules(null, out, null, OutputFormat.PNG, true));
    assertThat(outputs(plan)).containsExactly(p("out/2024/deep/x.png"), p("out/2024/y.png"), p("out/2024/z.png"),
        p("out/a.png"), p("out/b.png"), p("out/c.png"));
    // z.webp named twice (in the folder and by itself) is done once
    assertThat(plan.items()).hasSize(6);
  }

  @Test
  void gifFormatAndExtChooseTheSuffix() {
    BatchPlan gif = BatchPlan.of(List.of(photos.resolve("a.png").toString()),
        new BatchPlan.Rules(null, null, null, OutputFormat.GIF, false));
    assertThat(outputs(gif)).containsExactly(p("photos/a-squish.gif"));
    BatchPlan ext = BatchPlan.of(List.of(photos.resolve("a.png").toString()),
        new BatchPlan.Rules(null, dir.resolve("o"), "-small.gif", OutputFormat.GIF, false));
    assertThat(outputs(ext)).containsExactly(p("o/a-small.gif"));
  }

  @Test
  void anOutputFolderInsideTheInputFolderIsNotScanned() throws IOException {
    Path out = photos.resolve("small");
    Files.createDirectories(out);
    Files.writeString(out.resolve("a.png"), "an earlier output");
    BatchPlan plan = BatchPlan.of(List.of(photos.toString()),
        new BatchPlan.Rules(null, out, null, OutputFormat.PNG, true));
    assertThat(inputs(plan)).noneMatch(s -> s.contains("small"));
  }

  @Test
  void twoInputsWithOneOutputAreRefusedAfterTheFirst() throws IOException {
    Files.writeString(photos.resolve("a.jpg"), "x");
    BatchPlan plan = BatchPlan.of(List.of(photos.resolve("a.png").toString(), photos.resolve("a.jpg").toString()),
        beside());
    assertThat(task(plan.items().get(0))).isNotNull();
    assertThat(refusal(plan.items().get(1)).reason()).isEqualTo("its output " + p("photos/a-squish.png")
        + " is also the output of " + p("photos/a.png") + "; use --ext or --output-dir to tell them apart");
  }

  @Test
  void anOutputThatIsAnotherInputIsRefusedButItsOwnInputIsAllowed() throws IOException {
    Files.writeString(photos.resolve("b.png"), "x");
    BatchPlan plan = BatchPlan.of(List.of(photos.resolve("b.png").toString(), photos.resolve("b.jpg").toString()),
        new BatchPlan.Rules(null, null, ".png", OutputFormat.PNG, false));
    assertThat(task(plan.items().get(0)).output()).isEqualTo(photos.resolve("b.png")); // in place, needs --force
    assertThat(refusal(plan.items().get(1)).reason()).startsWith("its output " + p("photos/b.png")
        + " is also an input");
  }

  @Test
  void aFolderWithoutImagesIsRefusedWithTheReason() throws IOException {
    BatchPlan plan = BatchPlan.of(List.of(photos.resolve("raw").toString()), beside());
    assertThat(refusal(plan.items().get(0)).reason()).isEqualTo("no images in this folder (1 other file ignored;"
        + " squish looks for .png .jpg .jpeg .gif .bmp .tif .tiff .webp)");
    Files.createDirectories(dir.resolve("top/sub"));
    Files.writeString(dir.resolve("top/sub/a.png"), "x");
    BatchPlan flat = BatchPlan.of(List.of(dir.resolve("top").toString()), beside());
    assertThat(refusal(flat.items().get(0)).reason())
        .isEqualTo("no images in this folder; it has 1 subfolder: add --recursive to look in them");
  }

  @Test
  void missingFilesAndStdinStayInPlace() {
    BatchPlan plan = BatchPlan.of(List.of(p("nope.png")), beside());
    assertThat(task(plan.items().get(0)).input()).isEqualTo(dir.resolve("nope.png"));
    BatchPlan stdin = BatchPlan.of(List.of("-"), beside());
    assertThat(task(stdin.items().get(0)).input()).isNull();
    assertThat(task(stdin.items().get(0)).output()).isNull();
  }

  private static Task task(PlanItem item) {
    return ((PlanItem.Planned) item).task();
  }

  private static FileResult.Failed refusal(PlanItem item) {
    return ((PlanItem.Refused) item).refusal();
  }
}

package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import dev.squish.quantize.KSearch;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exit codes, the summary text, report cells and the progress bar, without images. */
class SummaryTest {

  @ParameterizedTest(name = "written {0}, skipped {1}, failed {2}, strict {3} -> {4}")
  @CsvSource({
      "3, 0, 0, false, 0",
      "0, 0, 0, false, 0",
      "2, 1, 0, false, 0",
      "2, 1, 0, true, 5",
      "0, 3, 0, true, 5",
      "2, 0, 1, false, 3",
      "2, 1, 1, true, 3",
      "0, 1, 1, false, 3",
      "0, 0, 2, false, 4",
      "0, 0, 1, true, 4"})
  void exitCodes(int written, int skipped, int failed, boolean strict, int code) {
    assertThat(ExitCode.of(written, skipped, failed, strict).code()).isEqualTo(code);
  }

  @Test
  void summaryListsWhySkippedAndFailedUpToALimit() {
    List<FileResult.Skipped> skips =
        List.of(new FileResult.Skipped("a.png", "a-squish.png", "exists (--skip-existing)"));
    List<FileResult.Failed> failures = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      failures.add(new FileResult.Failed("bad" + i + ".png", "empty file (0 bytes)", null));
    }
    Summary s = new Summary(20, 7, 1, 12, 1000, 250, 3.25, 2, skips, failures, 2, Set.of(".txt", ".psd"), false);
    List<String> lines = s.lines();
    assertThat(lines.get(0)).isEqualTo("20 files in 3.3 s with 2 jobs: 7 written, 1 skipped, 12 failed");
    assertThat(lines.get(1)).isEqualTo("  written: 1000 B -> 250 B, ratio 4.00");
    assertThat(lines.get(2)).isEqualTo("  skipped a.png: exists (--skip-existing)");
    assertThat(lines.get(3)).isEqualTo("  failed bad0.png: empty file (0 bytes)");
    assertThat(lines.get(13)).isEqualTo("  ... and 2 more failed (each is listed above and in --report)");
    assertThat(lines.get(14)).isEqualTo("  ignored 2 files in the folders that are not images by name (.psd .txt)");
    assertThat(s.exitCode(false)).isEqualTo(ExitCode.SOME_FAILED);
  }

  @Test
  void aSkippedRowSaysThatBicChoseKAsAWrittenOneDoes() {
    KSearch search = new KSearch(KSearch.Criterion.BIC, 2, 256, List.of(2, 3, 4, 5));
    List<KSearch.Trial> trials = List.of(new KSearch.Trial(2, 2, 900.5, -9, 19, 30, 8, true),
        new KSearch.Trial(3, 3, 800.25, -8, 29, 33, 9, true), new KSearch.Trial(4, 4, 850, -8, 39, 35, 12, true),
        new KSearch.Trial(5, 5, 870, -8, 49, 36, 7, false));
    FileResult.Known known = new FileResult.Known(1000, 1200, 10, 10, 3, 3, null, new KSearch.Choice(search, 3,
        trials));
    Map<String, Object> row = ReportRow.of(new FileResult.Skipped("a.png", "a-squish.png", "not smaller", null,
        known));
    assertThat(row).containsEntry("k", 3).containsEntry("colors", 3).containsEntry("k_chosen_by", "bic")
        .containsEntry("k_range", "2-256").containsEntry("k_tried", "2 3 4 5").containsEntry("quality_target", null);
    // the start of a k search and a line per k, as --verbose prints them on standard error
    assertThat(KSearchNotes.startLine("a.png", search, false)).isEqualTo("squish: a.png: choosing k by BIC over"
        + " 2-256, 4 tries: k = 2 3 4 5 (--verbose shows each as it ends)");
    assertThat(KSearchNotes.trialLine("a.png", search, trials.get(3), 4, 0.25)).isEqualTo("squish: a.png: k = 5"
        + " (4 of 4): BIC 870.0, log-likelihood -8.0000 per pixel, PSNR 36.00 dB, 5 components, 7 iterations"
        + " (not converged), 0.3 s");
  }

  @Test
  void csvCellsAreQuotedOnlyWhenTheyMustBe() {
    String csv = ReportFile.csv(List.of(new FileResult.Failed("a, \"b\".png", "bad", null),
        new FileResult.Skipped("c.png", "c-squish.png", "exists")));
    List<String> lines = csv.lines().toList();
    String emptyRest = ",".repeat(ReportRow.COLUMNS.size() - 4); // the figures after input, output, status, reason
    assertThat(lines.get(1)).isEqualTo("\"a, \"\"b\"\".png\",,failed,bad" + emptyRest);
    assertThat(lines.get(2)).isEqualTo("c.png,c-squish.png,skipped,exists" + emptyRest);
    assertThat(csv).endsWith("\r\n");
  }

  @Test
  void progressBarText() {
    assertThat(ProgressBar.render(0, 100, 0)).isEqualTo("[------------------------] 0/100 files  0:00");
    assertThat(ProgressBar.render(25, 100, 30))
        .isEqualTo("[######------------------] 25/100 files  0:30, about 1:30 left");
    assertThat(ProgressBar.render(100, 100, 4000)).isEqualTo("[########################] 100/100 files  1:06:40");
  }
}

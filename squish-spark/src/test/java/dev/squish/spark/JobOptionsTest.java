package dev.squish.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The job's options, without Spark: its own, and squish's checked as squish checks them. */
class JobOptionsTest {
  private static JobOptions parse(String... rest) {
    String[] args = new String[rest.length + 4];
    args[0] = "--input";
    args[1] = "in";
    args[2] = "--output";
    args[3] = "out";
    System.arraycopy(rest, 0, args, 4, rest.length);
    return JobOptions.parse(args);
  }

  @Test
  void squishsOptionsAreCheckedWithTheClisMessages() {
    assertThatThrownBy(() -> parse("-k", "300")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-k").hasMessageContaining("300");
    assertThatThrownBy(() -> parse("--method", "median-cut")).hasMessage("--method must be kmeans or em, got"
        + " 'median-cut'");
    assertThatThrownBy(() -> parse("--shared-palette", "--quality", "35-40"))
        .hasMessageContaining("--shared-palette cannot be combined with --quality");
    assertThatThrownBy(() -> parse("--shared-palette", "--format", "gif", "--frame-palettes"))
        .hasMessage("--shared-palette fits one palette to all inputs and --frame-palettes one per frame; give one of"
            + " them");
  }

  @Test
  void optionsThatNameFilesOrDriveABatchAreRefused() {
    assertThatThrownBy(() -> parse("--output-dir", "x")).hasMessage("--output-dir does not apply here: the job"
        + " names and writes the files");
    assertThatThrownBy(() -> parse("--jobs", "4")).hasMessageStartingWith("--jobs does not apply here");
    assertThatThrownBy(() -> parse("photo.png")).hasMessageContaining("unexpected argument 'photo.png'");
    assertThatThrownBy(() -> parse("-k", "8", "--save-palette", "p.gpl")).hasMessage("--save-palette needs"
        + " --shared-palette in the job: without it each file gets a palette of its own");
    assertThatThrownBy(() -> parse("--shared-palette", "--save-palette", "hdfs:///p/shared.pal"))
        .hasMessageStartingWith("--save-palette hdfs:///p/shared.pal: cannot tell the palette format from the name");
    assertThat(parse("--shared-palette", "--save-palette", "s3a://b/shared.GPL").savePalette())
        .isEqualTo("s3a://b/shared.GPL");
  }

  @Test
  void itsOwnOptionsAreReadAndChecked() {
    JobOptions o = parse("--report", "r", "--report-format", "CSV", "--max-bytes=1000", "-k", "8", "--format",
        "gif", "--force");
    assertThat(o.reportFormat()).isEqualTo("csv");
    assertThat(o.maxBytes()).isEqualTo(1000);
    assertThat(o.squish().extension()).isEqualTo(".gif");
    assertThat(o.squish().overwrite()).isTrue();
    assertThatThrownBy(() -> parse("--report-format", "xlsx")).hasMessageContaining("parquet or csv");
    assertThatThrownBy(() -> parse("--max-histogram-colors", "10")).hasMessageContaining("from 256");
    assertThatThrownBy(() -> JobOptions.parse(new String[] {"-k", "8"})).hasMessageContaining("--input and --output");
  }

  @Test
  void aUsageErrorExitsWith2BeforeAnySessionStarts() {
    assertThat(SquishSpark.run(new String[] {"--input", "in", "--output", "out", "-k", "0"})).isEqualTo(2);
  }
}

package dev.squish.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squish.cli.Main;
import dev.squish.image.Palette;
import dev.squish.io.palette.PaletteFiles;
import dev.squish.testkit.TestImages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on local[2] (up to 3 attempts a task, so that an injected fault is retried) against the CLI on the
 * same real photos: the same bytes, the same shared palette, bad files as failed rows with the CLI's reasons.
 */
class SquishSparkTest {
  private static SparkSession spark;
  @TempDir
  static Path tmp;
  private static Path input;

  @BeforeAll
  static void start() throws IOException {
    input = tmp.resolve("in");
    Files.createDirectories(input.resolve("a"));
    Files.createDirectories(input.resolve("b/c"));
    Files.createDirectories(input.resolve("bad"));
    Files.write(input.resolve("a/chelsea.png"), TestImages.bytes(TestImages.CHELSEA));
    Files.write(input.resolve("grace.jpg"), TestImages.bytes(TestImages.GRACE_HOPPER));
    Files.write(input.resolve("b/c/camera.png"), TestImages.bytes(TestImages.CAMERA));
    Files.write(input.resolve("logo.png"), TestImages.bytes(TestImages.LOGO_TRANSPARENT));
    byte[] jpg = TestImages.bytes(TestImages.BABOON);
    Files.write(input.resolve("bad/truncated.jpg"), Arrays.copyOf(jpg, jpg.length / 3));
    byte[] junk = new byte[4000];
    new java.util.Random(7).nextBytes(junk);
    Files.write(input.resolve("bad/corrupt.png"), junk);
    Files.write(input.resolve("bad/huge.png"), pngHeader(100_000, 100_000));
    SparkConf conf = new SparkConf().setMaster("local[2,3]").setAppName("squish-test")
        .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1").set("spark.sql.shuffle.partitions", "2");
    spark = SparkSession.builder().config(conf).getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** A whole PNG (IHDR, a few bytes of IDAT, IEND) whose header claims width x height: huge by its header alone. */
  private static byte[] pngHeader(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    chunk(out, "IHDR", java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 6)
        .put((byte) 0).put((byte) 0).put((byte) 0).array());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static SquishJob.Summary job(Path out, String... squish) throws IOException {
    return jobOn(input, out, squish);
  }

  /** Runs the CLI on the same folder; returns its standard error. */
  private static String cli(Path out, String... squish) {
    return cliOn(input, out, squish);
  }

  /** Every file below {@code root}, by relative path, with its bytes. */
  private static Map<String, byte[]> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).collect(Collectors.toMap(p -> root.relativize(p).toString(), p -> {
        try {
          return Files.readAllBytes(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, (a, b) -> a, TreeMap::new));
    }
  }

  @Test
  void outputsAreByteIdenticalToTheClisAndBadFilesFailAloneWithItsReasons() throws IOException {
    Path out = tmp.resolve("out1");
    Path report = tmp.resolve("report1");
    SquishJob.Summary s = job(out, "-k", "16", "--dither", "fs", "--report", report.toString());
    Path cliOut = tmp.resolve("cli1");
    String cliErr = cli(cliOut, "-k", "16", "--dither", "fs");

    assertThat(s.written()).isEqualTo(4);
    assertThat(s.failed()).isEqualTo(3);
    Map<String, byte[]> ours = files(out);
    Map<String, byte[]> theirs = files(cliOut);
    assertThat(ours.keySet()).containsExactlyElementsOf(theirs.keySet())
        .containsExactly("a/chelsea.png", "b/c/camera.png", "grace.png", "logo.png");
    for (String name : ours.keySet()) {
      assertThat(ours.get(name)).as(name).isEqualTo(theirs.get(name));
    }
    List<Row> rows = spark.read().parquet(report.toString()).collectAsList();
    assertThat(rows).hasSize(7);
    for (Row r : rows) {
      String in = r.getAs("input");
      if (in.contains("/bad/")) {
        assertThat((String) r.getAs("status")).isEqualTo("failed");
        String name = in.substring(in.lastIndexOf('/') + 1);
        String cliLine = cliErr.lines().filter(l -> l.contains("/bad/" + name + ": ")).findFirst().orElseThrow();
        assertThat(cliLine).endsWith(": " + r.getAs("reason"));
      } else {
        assertThat((String) r.getAs("status")).isEqualTo("written");
        assertThat((Long) r.getAs("output_bytes")).isEqualTo(ours.get(relative(r.getAs("output"), out)).length);
      }
    }
    assertThat(rows.stream().map(r -> (String) r.getAs("reason")).filter(x -> x != null))
        .anyMatch(x -> x.contains("100000")); // the huge one, refused by its header

    SquishJob.Summary again = job(out, "-k", "16", "--dither", "fs");
    assertThat(again.written()).isZero();
    assertThat(again.skipped()).isEqualTo(4);
    assertThat(again.failed()).isEqualTo(3);
    Map<String, byte[]> after = files(out);
    assertThat(after.keySet()).isEqualTo(ours.keySet());
  }

  private static String relative(String output, Path root) {
    String path = new org.apache.hadoop.fs.Path(output).toUri().getPath();
    return root.toAbsolutePath().relativize(Path.of(path)).toString();
  }

  @Test
  void sharedPaletteIsExactlyTheClisAndSoAreTheOutputs() throws IOException {
    Path out = tmp.resolve("out2");
    Path jobPalette = tmp.resolve("job2.hex");
    SquishJob.Summary s = job(out, "-k", "12", "--shared-palette", "--shared-weight", "image", "--report",
        tmp.resolve("report2.csv").toString(), "--report-format", "csv", "--save-palette", jobPalette.toString());
    Path cliOut = tmp.resolve("cli2");
    Path saved = tmp.resolve("cli2.hex");
    cli(cliOut, "-k", "12", "--shared-palette", "--shared-weight", "image", "--save-palette", saved.toString());

    Palette theirs;
    try {
      theirs = PaletteFiles.read(saved);
    } catch (dev.squish.io.palette.PaletteFileException e) {
      throw new AssertionError(e);
    }
    assertThat(s.palette()).containsExactly(theirs.colors());
    assertThat(Files.readAllBytes(jobPalette)).as("the saved palette file").isEqualTo(Files.readAllBytes(saved));
    assertThatThrownBy(() -> job(tmp.resolve("out2b"), "-k", "12", "--shared-palette", "--save-palette",
        jobPalette.toString())).hasMessage("--save-palette " + jobPalette + " exists; run with --force to replace it");
    assertThat(tmp.resolve("out2b")).doesNotExist();
    assertThat(s.paletteNote()).contains("fitted to 4 images").doesNotContain("coarsened");
    Map<String, byte[]> ours = files(out);
    Map<String, byte[]> cli = files(cliOut);
    assertThat(ours.keySet()).isEqualTo(cli.keySet());
    for (String name : ours.keySet()) {
      assertThat(ours.get(name)).as(name).isEqualTo(cli.get(name));
    }
    List<Row> csv = spark.read().option("header", "true").csv(tmp.resolve("report2.csv").toString())
        .collectAsList();
    assertThat(csv).hasSize(7);
  }

  @Test
  void aTaskThatFailsOnceIsRetriedAndLeavesExactlyOneWholeOutputPerInput() throws IOException {
    Path out = tmp.resolve("out3");
    Path cliOut = tmp.resolve("cli3");
    cli(cliOut, "-k", "8");
    spark.sparkContext().setLocalProperty(SquishJob.FAIL_AFTER_RENAME, "chelsea.png");
    spark.sparkContext().setLocalProperty(SquishJob.FAIL_BEFORE_RENAME, "camera.png");
    Path marks = Files.createDirectories(tmp.resolve("marks"));
    spark.sparkContext().setLocalProperty(SquishJob.FAULT_MARKS, marks.toString());
    SquishJob.Summary s;
    try {
      s = job(out, "-k", "8");
    } finally {
      spark.sparkContext().setLocalProperty(SquishJob.FAIL_AFTER_RENAME, null);
      spark.sparkContext().setLocalProperty(SquishJob.FAIL_BEFORE_RENAME, null);
      spark.sparkContext().setLocalProperty(SquishJob.FAULT_MARKS, null);
    }
    try (Stream<Path> fired = Files.list(marks)) {
      assertThat(fired.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")))
          .as("both faults fired").containsExactlyInAnyOrder("chelsea.png", "camera.png");
    }
    assertThat(s.written()).as("a retry reports its file written, not skipped").isEqualTo(4);
    assertThat(s.failed()).isEqualTo(3);
    Map<String, byte[]> ours = files(out);
    Map<String, byte[]> cli = files(cliOut);
    assertThat(ours.keySet()).as("no temporary or duplicate left").isEqualTo(cli.keySet());
    for (String name : ours.keySet()) {
      assertThat(ours.get(name)).as(name).isEqualTo(cli.get(name));
    }
  }

  /** Runs the job and the CLI with the same squish options; asserts the same files with the same bytes. */
  private static void sameAsTheCli(String name, int expectedOutputs, String... squish) throws IOException {
    Path out = tmp.resolve("job-" + name);
    Path cliOut = tmp.resolve("cli-" + name);
    SquishJob.Summary s = job(out, squish);
    cli(cliOut, squish);
    Map<String, byte[]> ours = files(out);
    Map<String, byte[]> theirs = files(cliOut);
    assertThat(s.written()).as(name).isEqualTo(expectedOutputs);
    assertThat(ours.keySet()).as(name).hasSize(expectedOutputs).isEqualTo(theirs.keySet());
    for (String file : ours.keySet()) {
      assertThat(ours.get(file)).as(name + ": " + file).isEqualTo(theirs.get(file));
    }
  }

  @Test
  void aGivenPaletteKeptColoursAndGifOutputGiveTheClisBytes() throws IOException {
    Path palette = tmp.resolve("six.hex");
    Files.writeString(palette, "#000000\n#ffffff\n#ef2929\n#8ae234\n#729fcf\n#fce94f\n");
    sameAsTheCli("palette", 4, "--palette", palette.toString(), "--dither", "fs");
    sameAsTheCli("keep-gif", 4, "-k", "8", "--keep", "#d81b60,#1e88e5", "--format", "gif");
    sameAsTheCli("em-oklab", 4, "-k", "6", "--method", "em", "--space", "oklab", "--seed", "5");
  }

  @Test
  void filesAboveMaxBytesAreFailedRowsAndTheRestGoOn() throws IOException {
    Path out = tmp.resolve("out-max-bytes");
    Path report = tmp.resolve("report-max-bytes");
    SquishJob.Summary s = job(out, "-k", "8", "--max-bytes", "100000", "--report", report.toString());
    assertThat(s.written()).isEqualTo(2); // grace.jpg and logo.png; chelsea.png and camera.png are larger
    assertThat(s.failed()).isEqualTo(5);
    assertThat(files(out).keySet()).containsExactly("grace.png", "logo.png");
    List<Row> rows = spark.read().parquet(report.toString()).collectAsList();
    assertThat(rows).hasSize(7);
    for (Row r : rows) {
      String in = r.getAs("input");
      long size = Files.size(Path.of(new org.apache.hadoop.fs.Path(in).toUri().getPath()));
      String reason = r.getAs("reason");
      if (size > 100_000) {
        assertThat(reason).as(in).isEqualTo("is " + size + " B, above --max-bytes 100000; not read");
      } else {
        assertThat(reason == null || !reason.contains("--max-bytes")).as(in).isTrue();
      }
    }
  }

  @Test
  void aFileGoneSinceItWasListedIsAFailedRowWithItsReason() throws IOException {
    Path gone = tmp.resolve("listed/gone.png");
    String path = gone.toUri().toString();
    Path out = tmp.resolve("out-gone");
    java.util.Iterator<Row> rows = SquishJob.compressPartition(
        List.of(org.apache.spark.sql.RowFactory.create(path, 1234L)).iterator(), JobOptions.parse(new String[] {
            "--input", "in", "--output", "out", "-k", "8"}).squish(),
        new org.apache.spark.util.SerializableConfiguration(spark.sparkContext().hadoopConfiguration()),
        tmp.resolve("listed").toString(), out.toUri().toString(), JobOptions.DEFAULT_MAX_BYTES, null, Map.of(),
        System.currentTimeMillis(), new SquishJob.Faults("", "", ""));
    Row r = rows.next();
    assertThat(rows.hasNext()).isFalse();
    assertThat(r.getString(ReportSchema.STATUS)).isEqualTo("failed");
    assertThat(r.getString(dev.squish.cli.OneFile.COLUMNS.indexOf("reason"))).startsWith("cannot read the file: ")
        .contains("gone.png");
    assertThat(Files.exists(out)).isFalse();
  }

  /** A second folder: two inputs with one output name, an animated GIF, a still photo. */
  private static Path mixedInput() throws IOException {
    Path in = tmp.resolve("mixed");
    if (Files.notExists(in)) {
      Files.createDirectories(in.resolve("x"));
      Files.write(in.resolve("x/pic.jpg"), TestImages.bytes(TestImages.GRACE_HOPPER));
      Files.write(in.resolve("x/pic.png"), TestImages.bytes(TestImages.CHELSEA));
      Files.write(in.resolve("pan.gif"), dev.squish.testkit.TestGifs.bytes(dev.squish.testkit.TestGifs.PAN));
      Files.write(in.resolve("camera.png"), TestImages.bytes(TestImages.CAMERA));
    }
    return in;
  }

  private static SquishJob.Summary jobOn(Path in, Path out, String... squish) throws IOException {
    List<String> args = new ArrayList<>(List.of("--input", in.toString(), "--output", out.toString()));
    args.addAll(List.of(squish));
    return SquishJob.run(spark, JobOptions.parse(args.toArray(String[]::new)));
  }

  private static String cliOn(Path in, Path out, String... squish) {
    List<String> args = new ArrayList<>(List.of(in.toString(), "-r", "--output-dir", out.toString(), "-q"));
    args.addAll(List.of(squish));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void twoInputsWithOneOutputNameFailTheSecondAsTheCliDoesAndAnAnimationCountsAllItsFrames() throws IOException {
    Path in = mixedInput();
    Path out = tmp.resolve("out-mixed");
    Path report = tmp.resolve("report-mixed");
    Path saved = tmp.resolve("mixed-job.hex");
    SquishJob.Summary s = jobOn(in, out, "-k", "12", "--format", "gif", "--shared-palette", "--report",
        report.toString(), "--save-palette", saved.toString());
    Path cliOut = tmp.resolve("cli-mixed");
    Path cliSaved = tmp.resolve("mixed-cli.hex");
    String cliErr = cliOn(in, cliOut, "-k", "12", "--format", "gif", "--shared-palette", "--save-palette",
        cliSaved.toString());

    assertThat(s.written()).isEqualTo(3);
    assertThat(s.failed()).isEqualTo(1);
    assertThat(s.paletteNote()).contains("fitted to 3 images");
    assertThat(Files.readAllBytes(saved)).as("the shared palette, the animation's frames counted")
        .isEqualTo(Files.readAllBytes(cliSaved));
    Map<String, byte[]> ours = files(out);
    Map<String, byte[]> theirs = files(cliOut);
    assertThat(ours.keySet()).containsExactly("camera.gif", "pan.gif", "x/pic.gif").isEqualTo(theirs.keySet());
    for (String name : ours.keySet()) {
      assertThat(ours.get(name)).as(name).isEqualTo(theirs.get(name));
    }
    Row failed = spark.read().parquet(report.toString()).where("status = 'failed'").collectAsList().get(0);
    assertThat((String) failed.getAs("input")).endsWith("/x/pic.png");
    assertThat((String) failed.getAs("reason")).startsWith("its output ").endsWith("/x/pic.gif is also the output of "
        + failed.<String>getAs("input").replace("pic.png", "pic.jpg") + "; rename one of them");
    assertThat(cliErr).contains("pic.png: its output").contains("is also the output of");
  }

  @Test
  void foldersThatOverlapAndAReportThatExistsAreRefusedBeforeAnythingIsWritten() throws IOException {
    Path in = mixedInput();
    assertThatThrownBy(() -> jobOn(in, in.resolve("out"), "-k", "8"))
        .isInstanceOf(SquishJob.UsageError.class).hasMessageStartingWith("--output " + in.resolve("out")
            + " and --input " + in + " overlap");
    assertThatThrownBy(() -> jobOn(in, tmp, "-k", "8")).isInstanceOf(SquishJob.UsageError.class)
        .hasMessageContaining("overlap");
    Path out = tmp.resolve("out-refused");
    assertThatThrownBy(() -> jobOn(in, out, "-k", "8", "--report", out.resolve("report").toString()))
        .isInstanceOf(SquishJob.UsageError.class).hasMessageContaining("overlaps --input or --output");
    assertThatThrownBy(() -> jobOn(in, out, "-k", "8", "--report", in.toString()))
        .isInstanceOf(SquishJob.UsageError.class).hasMessageContaining("overlaps --input or --output");
    assertThatThrownBy(() -> jobOn(in, Path.of(in + "/x/../sub"), "-k", "8")).as("dot segments")
        .isInstanceOf(SquishJob.UsageError.class).hasMessageContaining("overlap");
    Path link = Files.createSymbolicLink(tmp.resolve("link-to-mixed"), in);
    assertThatThrownBy(() -> jobOn(link, in.resolve("out"), "-k", "8")).as("a link to --input")
        .isInstanceOf(SquishJob.UsageError.class).hasMessageContaining("overlap");
    assertThatThrownBy(() -> jobOn(in, out, "-k", "8", "--shared-palette", "--save-palette",
        in.resolve("palette.png").toString())).isInstanceOf(SquishJob.UsageError.class)
        .hasMessageContaining("is inside --input");
    assertThat(out).doesNotExist();
    assertThat(files(in).keySet()).containsExactly("camera.png", "pan.gif", "x/pic.jpg", "x/pic.png");

    Path report = Files.createDirectories(tmp.resolve("report-exists"));
    Files.writeString(report.resolve("keep.txt"), "not squish's");
    assertThatThrownBy(() -> jobOn(in, out, "-k", "8", "--report", report.toString()))
        .isInstanceOf(IOException.class).hasMessage("--report " + report + " exists; run with --force to replace it");
    assertThat(report.resolve("keep.txt")).exists();
    assertThat(out).doesNotExist();
  }

  @Test
  void withForceASecondRunReplacesEveryOutputAndTheReportAndLeavesNoTemporary() throws IOException {
    Path in = mixedInput();
    Path out = tmp.resolve("out-force");
    Path report = tmp.resolve("report-force");
    jobOn(in, out, "-k", "4", "--format", "gif", "--report", report.toString());
    Map<String, byte[]> first = files(out);
    SquishJob.Summary again = jobOn(in, out, "-k", "8", "--format", "gif", "--force", "--report", report.toString());
    assertThat(again.written()).isEqualTo(3);
    assertThat(again.skipped()).isZero();
    Map<String, byte[]> second = files(out);
    assertThat(second.keySet()).as("no temporary left").isEqualTo(first.keySet());
    Path cliOut = tmp.resolve("cli-force");
    cliOn(in, cliOut, "-k", "8", "--format", "gif");
    Map<String, byte[]> cli = files(cliOut);
    for (String name : first.keySet()) {
      assertThat(second.get(name)).as(name + " replaced").isNotEqualTo(first.get(name)).isEqualTo(cli.get(name));
    }
    assertThat(spark.read().parquet(report.toString()).where("status = 'written'").count()).isEqualTo(3);
  }

  @Test
  void theSharedPaletteIsTheSameHoweverTheFilesArePartitioned() throws IOException {
    Path few = tmp.resolve("few-partitions.hex");
    Path many = tmp.resolve("many-partitions.hex");
    job(tmp.resolve("out-few"), "-k", "10", "--shared-palette", "--save-palette", few.toString());
    String maxPartition = spark.conf().get("spark.sql.files.maxPartitionBytes");
    String openCost = spark.conf().get("spark.sql.files.openCostInBytes");
    spark.conf().set("spark.sql.files.maxPartitionBytes", "65536"); // about one file a partition
    spark.conf().set("spark.sql.files.openCostInBytes", "65536");
    try {
      assertThat(spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(input.toString())
          .select("path").javaRDD().getNumPartitions()).isGreaterThan(3);
      job(tmp.resolve("out-many"), "-k", "10", "--shared-palette", "--save-palette", many.toString());
    } finally {
      spark.conf().set("spark.sql.files.maxPartitionBytes", maxPartition);
      spark.conf().set("spark.sql.files.openCostInBytes", openCost);
    }
    assertThat(Files.readAllBytes(many)).isEqualTo(Files.readAllBytes(few));
    Map<String, byte[]> a = files(tmp.resolve("out-few"));
    Map<String, byte[]> b = files(tmp.resolve("out-many"));
    assertThat(b.keySet()).isEqualTo(a.keySet());
    for (String name : a.keySet()) {
      assertThat(b.get(name)).as(name).isEqualTo(a.get(name));
    }
  }

  @Test
  void coarsensTheMergedHistogramOnlyPastTheBoundAndSaysSo() {
    dev.squish.histogram.ColorHistogram h = dev.squish.histogram.ColorHistogram.of(
        new int[] {0xFF000000, 0xFF000001, 0xFF010000, 0xFFFFFFFF, 0x00102030},
        new long[] {1, 2, 3, 4, 5});
    HistogramPart exact = HistogramPart.merge(HistogramPart.of(h, 1), HistogramPart.empty(), 5);
    assertThat(exact.droppedBits).isZero();
    assertThat(exact.size()).isEqualTo(5);
    HistogramPart coarse = HistogramPart.merge(HistogramPart.of(h, 1), HistogramPart.of(h, 1), 3);
    assertThat(coarse.droppedBits).isEqualTo(1);
    assertThat(coarse.size()).isEqualTo(3);
    assertThat(coarse.histogram().totalCount()).isEqualTo(2 * h.totalCount());
    assertThat(coarse.histogram().hiddenColor()).isEqualTo(h.hiddenColor());
  }
}

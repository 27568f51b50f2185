package dev.squish.spark;

import dev.squish.cli.OneFile;
import dev.squish.compress.PaletteFit;
import dev.squish.histogram.ColorHistogram;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * The job: list the inputs (path and length only), fit the shared palette if asked (per-partition sums merged
 * with {@code treeAggregate}, one fit on the driver), then compress each file with the CLI's code
 * ({@link OneFile}), writing each output under a task-attempt-unique temporary name that is then renamed, and
 * one report row per input.
 */
final class SquishJob {
  /** Test-only fault injection (a local property of the job's thread): the file whose task fails once, after its
   * output was renamed. */
  static final String FAIL_AFTER_RENAME = "spark.squish.test.failAfterRename";
  /** Test-only fault injection: the file name whose task fails once, after its temporary was written. */
  static final String FAIL_BEFORE_RENAME = "spark.squish.test.failBeforeRename";
  /** Test-only: the folder where a fault marks that it has fired, so that each fires once, on whichever attempt. */
  static final String FAULT_MARKS = "spark.squish.test.faultMarks";
  /** Marks the temporary files of a job's attempts; they start with a dot, which listings skip. */
  static final String TEMP_MARK = ".squish-tmp-";

  /** What the job did, for the driver's summary line. */
  record Summary(long written, long skipped, long failed, int[] palette, String paletteNote) {
    String line() {
      return String.format(Locale.ROOT, "squish-spark: %d written, %d skipped, %d failed", written, skipped, failed);
    }
  }

  private SquishJob() {}

  static Summary run(SparkSession spark, JobOptions o) throws IOException {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration hadoop = sc.hadoopConfiguration();
    Path inRoot = qualified(hadoop, o.input());
    Path outRoot = qualified(hadoop, o.output());
    if (!inRoot.getFileSystem(hadoop).exists(inRoot)) {
      throw new IOException("--input " + o.input() + " does not exist");
    }
    if (overlap(hadoop, outRoot, inRoot)) {
      throw new UsageError("--output " + o.output() + " and --input " + o.input() + " overlap: an"
          + " output could replace an input, or be read as one by the next run; give an --output outside --input");
    }
    Path reportRoot = o.report() == null ? null : qualified(hadoop, o.report());
    if (reportRoot != null) {
      if (overlap(hadoop, reportRoot, inRoot) || overlap(hadoop, reportRoot, outRoot)) {
        throw new UsageError("--report " + o.report() + " overlaps --input or --output: the report is a"
            + " folder that writing it replaces; give a --report outside both");
      }
      if (!o.squish().overwrite() && reportRoot.getFileSystem(hadoop).exists(reportRoot)) {
        throw new IOException("--report " + o.report() + " exists; run with --force to replace it");
      }
    }
    // an output made since then is this job's (an earlier attempt of a retried task), not one to skip
    long jobStart = System.currentTimeMillis();
    Path paletteFile = o.savePalette() == null ? null : qualified(hadoop, o.savePalette());
    if (paletteFile != null && overlap(hadoop, paletteFile, inRoot)) {
      throw new UsageError("--save-palette " + o.savePalette() + " is inside --input " + o.input()
          + ": the next run would read it as an input; save it elsewhere");
    }
    if (paletteFile != null && !o.squish().overwrite() && paletteFile.getFileSystem(hadoop).exists(paletteFile)) {
      throw new IOException("--save-palette " + o.savePalette() + " exists; run with --force to replace it");
    }
    Dataset<Row> files = spark.read().format("binaryFile").option("recursiveFileLookup", "true")
        .load(inRoot.toString()).select("path", "length"); // content is read by the task, only when needed
    JavaRDD<Row> listed = files.javaRDD().filter(r -> isImage(r.getString(0)));
    OneFile squish = o.squish();
    OneFile pass1 = squish;
    String in = inRoot.toUri().getPath();
    String out = outRoot.toString();
    Broadcast<Map<String, String>> clashes = sc.broadcast(clashes(listed, in, out, squish.extension()));
    String note = null;
    int[] palette = null;
    if (squish.sharedPalette()) {
      SerializableConfiguration conf = new SerializableConfiguration(hadoop);
      int max = o.maxHistogramColors();
      long maxBytes = o.maxBytes();
      HistogramPart total = listed.filter(r -> !clashes.value().containsKey(r.getString(0)))
          .mapPartitions(rows -> partitionHistogram(rows, pass1, conf, maxBytes, max))
          .treeAggregate(HistogramPart.empty(), (a, b) -> HistogramPart.merge(a, b, max),
              (a, b) -> HistogramPart.merge(a, b, max), 2);
      if (total.images > 0) {
        PaletteFit fit = squish.fitShared(total.histogram(), Math.max(1, Runtime.getRuntime().availableProcessors()));
        palette = fit.palette().colors();
        note = "shared palette of " + fit.palette().size() + " colours fitted to " + total.images + " images (weight: "
            + squish.sharedWeight() + ")" + (total.droppedBits == 0 ? ""
                : "; the summed histogram was coarsened to " + (8 - total.droppedBits) + " bits per channel to stay"
                    + " within --max-histogram-colors " + max);
        System.err.println("squish-spark: " + note);
        squish = squish.remappingTo(fit.palette());
        if (paletteFile != null) {
          savePalette(fit.palette(), paletteFile, hadoop);
        }
      }
    }
    Broadcast<OneFile> shared = sc.broadcast(squish);
    SerializableConfiguration conf = new SerializableConfiguration(hadoop);
    long maxBytes = o.maxBytes();
    String failAfter = orEmpty(sc.getLocalProperty(FAIL_AFTER_RENAME));
    String failBefore = orEmpty(sc.getLocalProperty(FAIL_BEFORE_RENAME));
    String marks = orEmpty(sc.getLocalProperty(FAULT_MARKS));
    String noteInRow = note;
    JavaRDD<Row> rows = listed.mapPartitions(it -> compressPartition(it, shared.value(), conf, in, out, maxBytes,
        noteInRow, clashes.value(), jobStart, new Faults(failAfter, failBefore, marks)));
    rows.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // the compress pass runs here, a task a partition; the report then reads the persisted rows into one file
      Map<String, Long> counts = rows.map(r -> r.getString(ReportSchema.STATUS)).countByValue();
      if (o.report() != null) {
        Dataset<Row> report = spark.createDataFrame(rows, ReportSchema.SCHEMA).coalesce(1);
        var writer = report.write().mode(o.squish().overwrite() ? "overwrite" : "errorifexists");
        if (o.reportFormat().equals("csv")) {
          writer.option("header", "true").csv(o.report());
        } else {
          writer.parquet(o.report());
        }
      }
      removeTemps(outRoot, hadoop);
      return new Summary(counts.getOrDefault("written", 0L), counts.getOrDefault("skipped", 0L),
          counts.getOrDefault("failed", 0L), palette, note);
    } finally {
      rows.unpersist(false);
    }
  }

  /** Writes the shared palette before pass 2 (temporary name, then renamed), so a failed save writes no image. */
  private static void savePalette(dev.squish.image.Palette palette, Path file, Configuration hadoop)
      throws IOException {
    byte[] bytes;
    try {
      bytes = dev.squish.io.palette.PaletteFiles.bytes(palette, file.getName());
    } catch (dev.squish.io.palette.PaletteFileException e) {
      throw new IOException("--save-palette " + file + ": " + e.getMessage(), e);
    }
    FileSystem fs = file.getFileSystem(hadoop);
    Outputs.write(fs, file, bytes, true, "driver", Fault.NONE);
  }

  /** A usage error found once the file system is known (exit 2, as a bad option). */
  static final class UsageError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message);
    }
  }

  /** True when {@code a} and {@code b} are the same folder or one holds the other. */
  static boolean overlap(Configuration hadoop, Path a, Path b) throws IOException {
    String x = key(hadoop, a);
    String y = key(hadoop, b);
    return x.startsWith(y) || y.startsWith(x);
  }

  /**
   * The folder a path names, comparable: its file system's scheme and authority ({@code hdfs://nn} and
   * {@code hdfs://nn:8020} are one), the path with dot segments removed and, on a local disk, links resolved.
   */
  private static String key(Configuration hadoop, Path p) throws IOException {
    java.net.URI fs = p.getFileSystem(hadoop).getUri();
    String path = p.toUri().normalize().getPath();
    if ("file".equals(fs.getScheme())) {
      java.nio.file.Path local = java.nio.file.Path.of(path).toAbsolutePath().normalize();
      java.nio.file.Path existing = local;
      while (existing != null && !java.nio.file.Files.exists(existing)) {
        existing = existing.getParent();
      }
      if (existing != null) {
        local = existing.toRealPath().resolve(existing.relativize(local));
      }
      path = local.toString();
    }
    return fs.getScheme() + "://" + (fs.getAuthority() == null ? "" : fs.getAuthority())
        + (path.endsWith("/") ? path : path + "/");
  }

  /**
   * Inputs refused because another input has the same output ({@code a.jpg} and {@code a.png} both give
   * {@code a.png}), each with the CLI's reason. The first by path keeps the output, whatever the listing's order.
   */
  static Map<String, String> clashes(JavaRDD<Row> listed, String in, String out, String extension) {
    return new java.util.HashMap<>(listed
        .mapToPair(r -> new Tuple2<>(outputFor(new Path(r.getString(0)), in, out, extension).toString(),
            r.getString(0)))
        .groupByKey()
        .flatMapToPair(t -> {
          List<String> inputs = new ArrayList<>();
          t._2().forEach(inputs::add);
          java.util.Collections.sort(inputs);
          List<Tuple2<String, String>> refused = new ArrayList<>();
          for (String other : inputs.subList(1, inputs.size())) {
            refused.add(new Tuple2<>(other, "its output " + t._1() + " is also the output of " + inputs.get(0)
                + "; rename one of them"));
          }
          return refused.iterator();
        })
        .collectAsMap());
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static Path qualified(Configuration hadoop, String uri) throws IOException {
    Path p = new Path(uri);
    return p.getFileSystem(hadoop).makeQualified(p);
  }

  /** The extensions squish reads, as a folder scan of the CLI picks them. */
  private static final List<String> IMAGE_EXTENSIONS = List.of("png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff",
      "webp");

  static boolean isImage(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** Pass 1 of a shared palette in one partition: each image's weighted histogram, summed. */
  private static Iterator<HistogramPart> partitionHistogram(Iterator<Row> rows, OneFile squish,
      SerializableConfiguration conf, long maxBytes, int maxColors) {
    List<ColorHistogram> group = new ArrayList<>();
    HistogramPart part = HistogramPart.empty();
    long images = 0;
    while (rows.hasNext()) {
      Row r = rows.next();
      if (r.getLong(1) > maxBytes) {
        continue; // refused in pass 2, with its reason
      }
      Path path = new Path(r.getString(0));
      byte[] data;
      try {
        data = read(path, conf.value(), maxBytes);
      } catch (IOException e) {
        continue; // fails in pass 2 with its reason
      }
      OneFile.Histogram h = squish.histogram(data);
      if (h.histogram() == null) {
        continue; // fails in pass 2 with the same reason
      }
      group.add(h.histogram());
      images++;
      if (group.size() == 32) {
        part = HistogramPart.merge(part, HistogramPart.of(ColorHistogram.sum(group), images), maxColors);
        group.clear();
        images = 0;
      }
    }
    if (!group.isEmpty()) {
      part = HistogramPart.merge(part, HistogramPart.of(ColorHistogram.sum(group), images), maxColors);
    }
    return List.of(part).iterator();
  }

  /** Pass 2 in one partition: one report row per input. */
  static Iterator<Row> compressPartition(Iterator<Row> rows, OneFile squish, SerializableConfiguration conf,
      String inRoot, String outRoot, long maxBytes, String note, Map<String, String> clashes, long jobStart,
      Faults faults) throws IOException {
    Configuration hadoop = conf.value();
    TaskContext task = TaskContext.get();
    String attempt = task == null ? "driver" : task.stageId() + "-" + task.partitionId() + "-" + task.attemptNumber()
        + "-" + task.taskAttemptId();
    List<Row> out = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      String input = r.getString(0);
      long length = r.getLong(1);
      Path inPath = new Path(input);
      Path target = outputFor(inPath, inRoot, outRoot, squish.extension());
      String shownOutput = target.toString();
      FileSystem fs = target.getFileSystem(hadoop);
      Map<String, Object> row;
      FileStatus existing = null;
      String unwritable = null;
      if (!clashes.containsKey(input)) {
        try {
          existing = status(fs, target);
        } catch (IOException e) {
          unwritable = "cannot write " + shownOutput + ": " + reason(e); // a folder it may not see into
        }
      }
      if (clashes.containsKey(input)) {
        row = OneFile.row(input, null, true, clashes.get(input));
      } else if (unwritable != null) {
        row = OneFile.row(input, null, true, unwritable);
      } else if (existing != null && existing.isDirectory()) {
        row = OneFile.row(input, null, true, "its output " + shownOutput + " is a folder");
      } else if (existing != null && !squish.overwrite() && existing.getModificationTime() < jobStart) {
        row = OneFile.row(input, shownOutput, false, shownOutput + " exists; run with --force to replace it");
      } else if (length > maxBytes) {
        row = OneFile.row(input, null, true, String.format(Locale.ROOT,
            "is %d B, above --max-bytes %d; not read", length, maxBytes));
      } else {
        byte[] data = null;
        String unread = null;
        try {
          data = read(inPath, hadoop, maxBytes);
        } catch (IOException e) {
          unread = "cannot read the file: " + reason(e); // gone, grown or unreadable since it was listed
        }
        OneFile.Outcome result = data == null ? null : squish.compress(input, shownOutput, data);
        row = result == null ? OneFile.row(input, null, true, unread) : result.row();
        if (result != null && result.output() != null) {
          Fault fault = faults.at(inPath.getName(), hadoop);
          try {
            Outputs.write(fs, target, result.output(), squish.overwrite(), attempt, fault);
          } catch (IOException | UncheckedIOException e) {
            row = OneFile.row(input, null, true, "cannot write " + shownOutput + ": " + reason(e));
          }
        }
      }
      out.add(ReportSchema.row(row, note));
    }
    return out.iterator();
  }

  /** Test-only fault points. */
  enum Fault { NONE, BEFORE_RENAME, AFTER_RENAME }

  /** Test-only faults: each named file's task fails once, the first time it gets there (a mark file says so). */
  record Faults(String afterRename, String beforeRename, String marks) implements Serializable {
    private static final long serialVersionUID = 1L;

    Fault at(String name, Configuration hadoop) throws IOException {
      Fault f = name.equals(beforeRename) ? Fault.BEFORE_RENAME : name.equals(afterRename) ? Fault.AFTER_RENAME
          : Fault.NONE;
      if (f == Fault.NONE || marks.isEmpty()) {
        return Fault.NONE;
      }
      Path mark = new Path(marks, name);
      return mark.getFileSystem(hadoop).createNewFile(mark) ? f : Fault.NONE;
    }
  }

  /** The output of {@code input}: its path below {@code inRoot}, mirrored below {@code outRoot}, with the extension. */
  static Path outputFor(Path input, String inRoot, String outRoot, String extension) {
    String path = input.toUri().getPath();
    String root = inRoot.endsWith("/") ? inRoot : inRoot + "/";
    String relative = path.startsWith(root) ? path.substring(root.length()) : input.getName();
    int slash = relative.lastIndexOf('/');
    String name = relative.substring(slash + 1);
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String folder = slash < 0 ? "" : relative.substring(0, slash + 1);
    return new Path(outRoot + "/" + folder + stem + extension);
  }

  /** The file's bytes; a file grown past {@code maxBytes} since it was listed is not read further. */
  static byte[] read(Path path, Configuration hadoop, long maxBytes) throws IOException {
    FileSystem fs = path.getFileSystem(hadoop);
    try (InputStream in = fs.open(path)) {
      byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (data.length > maxBytes) {
        throw new IOException("it has grown past --max-bytes " + maxBytes + " since it was listed");
      }
      return data;
    }
  }

  private static FileStatus status(FileSystem fs, Path p) throws IOException {
    try {
      return fs.getFileStatus(p);
    } catch (java.io.FileNotFoundException e) {
      return null;
    }
  }

  /** An exception's one-line reason: Hadoop's often have no message, only a class. */
  private static String reason(Exception e) {
    Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }

  /** Removes the temporaries that attempts killed before their cleanup left (none after a clean run). */
  static int removeTemps(Path outRoot, Configuration hadoop) throws IOException {
    FileSystem fs = outRoot.getFileSystem(hadoop);
    if (!fs.exists(outRoot)) {
      return 0;
    }
    int removed = 0;
    RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> it = fs.listFiles(outRoot, true);
    List<Path> temps = new ArrayList<>();
    while (it.hasNext()) {
      FileStatus s = it.next();
      if (s.getPath().getName().contains(TEMP_MARK)) {
        temps.add(s.getPath());
      }
    }
    for (Path p : temps) {
      if (fs.delete(p, false)) {
        removed++;
      }
    }
    return removed;
  }

  /** Writing one output so that a retry or a speculative copy leaves one whole file. */
  static final class Outputs implements Serializable {
    private static final long serialVersionUID = 1L;

    private Outputs() {}

    /** Puts {@code bytes} at {@code target} through a temporary of this attempt's own name. */
    static void write(FileSystem fs, Path target, byte[] bytes, boolean overwrite, String attempt, Fault fault)
        throws IOException {
      Path parent = target.getParent();
      fs.mkdirs(parent);
      fs.setWriteChecksum(false); // no .crc beside each image on a local file system: outputs as the CLI's
      Path temp = new Path(parent, "." + target.getName() + TEMP_MARK + attempt);
      boolean renamed = false;
      try {
        try (OutputStream o = fs.create(temp, true)) {
          o.write(bytes);
        }
        if (fault == Fault.BEFORE_RENAME) {
          throw new IllegalStateException("injected fault before renaming " + target);
        }
        TaskContext task = TaskContext.get();
        if (task != null) {
          // a speculative copy that lost, still running after Spark killed it: its temporary goes, no rename
          task.killTaskIfInterrupted();
        }
        if (!overwrite && fs.exists(target)) {
          // another attempt (a retry, a speculative copy) finished first: the same bytes, so that is done
          return;
        }
        // never delete, then rename: an attempt killed between the two (a speculative copy that lost) would
        // leave no output. A local rename replaces the target in one step; HDFS's refuses, and its
        // overwriting rename (through FileContext) is one step too.
        renamed = fs.rename(temp, target);
        if (!renamed && overwrite && fs.exists(target)) {
          org.apache.hadoop.fs.FileContext.getFileContext(target.toUri(), fs.getConf())
              .rename(temp, target, org.apache.hadoop.fs.Options.Rename.OVERWRITE);
          renamed = true;
        }
        if (!renamed && !fs.exists(target)) {
          throw new UncheckedIOException(new IOException("cannot rename " + temp + " to " + target));
        }
      } finally {
        if (!renamed) {
          fs.delete(temp, false);
        }
      }
      if (fault == Fault.AFTER_RENAME) {
        throw new IllegalStateException("injected fault after renaming " + target);
      }
      return;
    }
  }
}

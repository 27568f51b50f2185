package dev.squish.spark;

import dev.squish.cli.OneFile;
import dev.squish.io.palette.PaletteFiles;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The job's options: where to read and write, the report, the limits of a distributed run, and squish's own
 * options, which {@link OneFile} checks exactly as {@code squish} does.
 *
 * @param input the folder tree of images, any Hadoop URI
 * @param output the folder the tree is mirrored into
 * @param report the report's folder, or null for none
 * @param reportFormat parquet or csv
 * @param master the Spark master to set when none is configured, or null
 * @param maxBytes files larger than this are refused without being read
 * @param maxHistogramColors the bound on the colours of a merged shared-palette histogram
 * @param partitionBytes {@code spark.sql.files.maxPartitionBytes}
 * @param savePalette where the driver writes the shared palette (any Hadoop URI), or null
 * @param squish squish's options, checked
 */
record JobOptions(String input, String output, String report, String reportFormat, String master, long maxBytes,
    int maxHistogramColors, long partitionBytes, String savePalette, OneFile squish) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Default byte limit of one input: a task holds its bytes and its pixels. */
  static final long DEFAULT_MAX_BYTES = 256L << 20;
  /** Default bound of a merged histogram: 4 Mi colours, 48 MiB; a full 24-bit histogram is 16.7 Mi. */
  static final int DEFAULT_MAX_HISTOGRAM_COLORS = 1 << 22;
  /** Default partition size: 32 MiB of files a task. */
  static final long DEFAULT_PARTITION_BYTES = 32L << 20;

  static final String USAGE = String.join("\n",
      "usage: squish-spark --input URI --output URI [--report URI] [--report-format parquet|csv] [--master M]",
      "         [--max-bytes N] [--max-histogram-colors N] [--partition-bytes N] [--save-palette URI (with",
      "         --shared-palette)] [squish options: -k, --method, --space, --dither, --quality, --skip-if-larger,",
      "         --shared-palette, --shared-weight, --palette, --keep, --format, --max-pixels, --force, --metrics,",
      "         --seed, ...]");

  /** {@return the options of {@code args}}; throws IllegalArgumentException with a one-line message */
  static JobOptions parse(String[] args) {
    String input = null;
    String output = null;
    String report = null;
    String format = "parquet";
    String master = null;
    String savePalette = null;
    long maxBytes = DEFAULT_MAX_BYTES;
    int maxColors = DEFAULT_MAX_HISTOGRAM_COLORS;
    long partitionBytes = DEFAULT_PARTITION_BYTES;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String name = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
      boolean inline = !name.equals(a);
      switch (name) {
        case "--input", "--output", "--report", "--report-format", "--master", "--max-bytes",
            "--max-histogram-colors", "--partition-bytes", "--save-palette" -> {
          String v;
          if (inline) {
            v = a.substring(name.length() + 1);
          } else if (i + 1 < args.length) {
            v = args[++i];
          } else {
            throw new IllegalArgumentException(name + " needs a value");
          }
          switch (name) {
            case "--input" -> input = v;
            case "--output" -> output = v;
            case "--report" -> report = v;
            case "--report-format" -> format = v.toLowerCase(Locale.ROOT);
            case "--master" -> master = v;
            case "--save-palette" -> savePalette = v;
            case "--max-bytes" -> maxBytes = number(name, v, 1, Integer.MAX_VALUE - 64);
            case "--max-histogram-colors" -> maxColors = (int) number(name, v, 256, 1 << 24);
            default -> partitionBytes = number(name, v, 1 << 16, 1L << 40);
          }
        }
        default -> rest.add(a);
      }
    }
    if (input == null || output == null) {
      throw new IllegalArgumentException("--input and --output are needed");
    }
    if (!format.equals("parquet") && !format.equals("csv")) {
      throw new IllegalArgumentException("--report-format must be parquet or csv, got '" + format + "'");
    }
    OneFile squish = OneFile.of(rest);
    if (savePalette != null) {
      if (!squish.sharedPalette()) {
        throw new IllegalArgumentException("--save-palette needs --shared-palette in the job: without it each file"
            + " gets a palette of its own");
      }
      String name = savePalette.substring(savePalette.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
      if (!PaletteFiles.WRITE_EXTENSIONS.contains(ext)) {
        throw new IllegalArgumentException("--save-palette " + savePalette + ": cannot tell the palette format from"
            + " the name: squish writes " + String.join(", ", PaletteFiles.WRITE_EXTENSIONS));
      }
    }
    return new JobOptions(input, output, report, format, master, maxBytes, maxColors, partitionBytes, savePalette,
        squish);
  }

  private static long number(String option, String value, long min, long max) {
    long n;
    try {
      n = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, got '" + value + "'", e);
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(option + " must be from " + min + " to " + max + ", got " + n);
    }
    return n;
  }
}

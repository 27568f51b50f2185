package dev.squish.spark;

import java.util.Arrays;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * {@code spark-submit --class dev.squish.spark.SquishSpark squish-spark.jar --input URI --output URI -k 64 ...}:
 * squish over a folder tree on any Hadoop file system. Exit codes as squish's: 0 all done, 2 a usage error,
 * 3 some files failed, 4 all failed.
 */
public final class SquishSpark {
  private SquishSpark() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the job and returns the exit code; the session is made here and stopped at the end. */
  static int run(String[] args) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.println(JobOptions.USAGE);
      return 0;
    }
    JobOptions options;
    try {
      options = JobOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("squish-spark: " + e.getMessage());
      System.err.println(JobOptions.USAGE);
      return 2;
    }
    long start = System.nanoTime();
    SparkSession spark = session(new SparkConf(), options);
    double startup = (System.nanoTime() - start) / 1e9;
    try {
      long t = System.nanoTime();
      SquishJob.Summary s = SquishJob.run(spark, options);
      double seconds = (System.nanoTime() - t) / 1e9;
      System.out.println(s.line() + String.format(java.util.Locale.ROOT,
          " in %.1f s (session start %.1f s)", seconds, startup));
      return s.failed() == 0 ? 0 : s.written() + s.skipped() == 0 ? 4 : 3;
    } catch (SquishJob.UsageError e) { // paths that overlap, found once the file system is known
      System.err.println("squish-spark: " + e.getMessage());
      return 2;
    } catch (Exception e) { // Spark's AnalysisException is a checked exception that Java cannot name here
      // a missing --input, an unreachable file system: one line, the trace only with --verbose
      String m = String.valueOf(e.getMessage());
      System.err.println("squish-spark: " + m.lines().findFirst().orElse(e.toString()));
      if (Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v")) {
        e.printStackTrace();
      }
      return 4;
    } finally {
      spark.stop();
    }
  }

  /** The session, with the partitioning that gives each task many small files, on loopback in local mode. */
  static SparkSession session(SparkConf conf, JobOptions o) {
    if (!conf.contains("spark.master")) {
      conf.setMaster(o.master() == null ? "local[*]" : o.master());
    }
    conf.setIfMissing("spark.app.name", "squish");
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    // a file counts as at least 1 MiB, so a 32 MiB partition holds up to 32 small files
    conf.setIfMissing("spark.sql.files.maxPartitionBytes", Long.toString(o.partitionBytes()));
    conf.setIfMissing("spark.sql.files.openCostInBytes", Long.toString(1L << 20));
    return SparkSession.builder().config(conf).getOrCreate();
  }
}

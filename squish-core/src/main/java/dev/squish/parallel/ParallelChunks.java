package dev.squish.parallel;

import java.util.stream.IntStream;

/**
 * Runs work over fixed-size chunks of an index range on the common fork-join pool.
 *
 * <p>Chunk boundaries depend only on the range and the chunk size, never on the number of
 * threads, and callers combine per-chunk results in chunk order. That is what keeps every
 * floating-point reduction in squish, and so every output file, identical whatever the core
 * count or {@code --jobs}.
 */
public final class ParallelChunks {
  private ParallelChunks() {}

  /** Work on the half-open range {@code [from, to)} of one chunk. */
  @FunctionalInterface
  public interface ChunkTask {
    void run(int chunk, int from, int to);
  }

  /** Number of chunks of {@code chunkSize} needed to cover {@code n} items. */
  public static int chunkCount(int n, int chunkSize) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize must be >= 1, got " + chunkSize);
    }
    return (int) (((long) n + chunkSize - 1) / chunkSize);
  }

  /**
   * Runs {@code task} once per chunk of {@code [0, n)}, in parallel when there is more than one
   * chunk. Returns when all chunks are done; an exception in any chunk is rethrown.
   */
  public static void forEach(int n, int chunkSize, ChunkTask task) {
    int chunks = chunkCount(n, chunkSize);
    if (chunks == 1) {
      task.run(0, 0, n);
      return;
    }
    IntStream.range(0, chunks).parallel().forEach(c -> {
      int from = c * chunkSize;
      int to = (int) Math.min((long) from + chunkSize, n);
      task.run(c, from, to);
    });
  }
}

package dev.squish.io.encode;

import dev.squish.image.IndexedImage;
import java.util.stream.IntStream;

/** The rows of a palette PNG: indices packed at the bit depth, then filtered, on all cores. */
final class PngRows {
  /** Rows per parallel task; the split depends on the height alone, so the bytes never depend on the cores. */
  private static final int ROWS_PER_TASK = 64;

  private PngRows() {}

  /** Work on rows {@code [from, to)}. */
  @FunctionalInterface
  private interface RowTask {
    void run(int from, int to);
  }

  private static void inTasks(int rows, RowTask task) {
    int tasks = (rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
    IntStream.range(0, tasks).parallel()
        .forEach(t -> task.run(t * ROWS_PER_TASK, Math.min(rows, (t + 1) * ROWS_PER_TASK)));
  }

  /**
   * Rows of palette indices packed at {@code depth} bits, through {@code remap} (new index by old,
   * or null), only for the rows marked in {@code needed} (null: all; unmarked rows stay null).
   */
  static byte[][] pack(IndexedImage image, int depth, byte[] remap, boolean[] needed) {
    int w = image.width();
    int h = image.height();
    int rowBytes = (w * depth + 7) / 8;
    byte[][] rows = new byte[h][];
    inTasks(h, (from, to) -> {
      byte[] idx = new byte[w];
      for (int y = from; y < to; y++) {
        if (needed != null && !needed[y]) {
          continue;
        }
        image.copyRow(y, idx);
        if (remap != null) {
          for (int x = 0; x < w; x++) {
            idx[x] = remap[idx[x] & 0xFF];
          }
        }
        byte[] row = new byte[rowBytes];
        if (depth == 8) {
          System.arraycopy(idx, 0, row, 0, w);
        } else {
          int perByte = 8 / depth;
          for (int x = 0; x < w; x++) {
            int shift = 8 - depth * (x % perByte + 1);
            row[x / perByte] |= (byte) ((idx[x] & 0xFF) << shift);
          }
        }
        rows[y] = row;
      }
    });
    return rows;
  }

  /**
   * The filtered rows, each with its filter-type byte, of the rows listed in {@code which} (null:
   * all rows). A listed row is filtered against its real predecessor, so a sample's bytes are
   * exactly those the whole image would have there.
   */
  static byte[] filter(byte[][] rows, PngFilter filter, int[] which) {
    int count = which == null ? rows.length : which.length;
    int rowBytes = rows[which == null ? 0 : which[0]].length;
    int stride = rowBytes + 1;
    byte[] out = new byte[count * stride];
    byte[] zero = new byte[rowBytes];
    inTasks(count, (from, to) -> {
      byte[] trial = filter == PngFilter.ADAPTIVE ? new byte[stride] : null;
      for (int i = from; i < to; i++) {
        int y = which == null ? i : which[i];
        byte[] prev = y == 0 ? zero : rows[y - 1];
        if (filter != PngFilter.ADAPTIVE) {
          PngFilter.apply(filter.ordinal(), rows[y], prev, 1, out, i * stride);
          continue;
        }
        long bestCost = Long.MAX_VALUE;
        for (int type = 0; type < 5; type++) {
          PngFilter.apply(type, rows[y], prev, 1, trial, 0);
          long cost = PngFilter.cost(trial, 1, rowBytes);
          if (cost < bestCost) {
            bestCost = cost;
            System.arraycopy(trial, 0, out, i * stride, stride);
          }
        }
      }
    });
    return out;
  }
}

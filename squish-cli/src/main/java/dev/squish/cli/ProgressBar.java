package dev.squish.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on a terminal: {@code [########------] 37/100 files  0:12, about 0:20 left}.
 * It is redrawn in place at most ten times a second, and erased before every other line is
 * printed so that the results scroll above it. Only used when the output is a terminal; the
 * {@link #NONE} bar draws nothing. The batch's coordinating thread drives it; the images being
 * done may print lines above it from their own threads ({@link #printAbove}), so every method
 * that draws holds the bar's lock.
 */
class ProgressBar {
  /** A bar that draws nothing (not a terminal, --quiet, a single file). */
  static final ProgressBar NONE = new ProgressBar(null, 0) {
    @Override
    void update(int done) {}

    @Override
    void clear() {}
  };

  private static final int WIDTH = 24;
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final String ERASE_LINE = "\r\u001b[K";

  private final PrintWriter err;
  private final int total;
  private final long start = System.nanoTime();
  private long lastDraw;
  private int done;
  private boolean shown;

  ProgressBar(PrintWriter err, int total) {
    this.err = err;
    this.total = total;
  }

  /** Records that {@code done} files are finished and redraws when it is time to. */
  synchronized void update(int done) {
    this.done = done;
    long now = System.nanoTime();
    if (!shown || now - lastDraw >= REDRAW_NANOS || done == total) {
      lastDraw = now;
      shown = true;
      err.print(ERASE_LINE + render(done, total, (now - start) / 1e9));
      err.flush();
    }
  }

  /** Redraws with the current count (for the clock to move while nothing finishes). */
  synchronized void tick() {
    update(done);
  }

  /** Erases the bar, for a line to be printed; the next {@link #update} draws it again. */
  synchronized void clear() {
    if (shown) {
      err.print(ERASE_LINE);
      err.flush();
      shown = false;
    }
  }

  /**
   * Prints {@code line} on {@code err} (standard error) from any thread: the bar, when shown, is
   * erased first and drawn again below the line.
   */
  synchronized void printAbove(PrintWriter err, String line) {
    boolean wasShown = shown;
    clear();
    err.println(line);
    err.flush();
    if (wasShown) {
      update(done);
    }
  }

  /** The text of the bar after {@code seconds} with {@code done} of {@code total} files finished. */
  static String render(int done, int total, double seconds) {
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    StringBuilder sb = new StringBuilder("[");
    sb.append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ");
    sb.append(done).append('/').append(total).append(" files  ").append(clock(seconds));
    if (done > 0 && done < total) {
      sb.append(", about ").append(clock(seconds / done * (total - done))).append(" left");
    }
    return sb.toString();
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}

package dev.squish.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the items of a plan on {@code jobs} threads and hands the results back in input order.
 *
 * <p>Everything runs inside one {@link ForkJoinPool} of {@code jobs} threads: the images, and the
 * parallel loops inside them (histogram, k-means, remap, deflate), which fork into the pool of
 * the thread that starts them. So {@code --jobs 1} uses one thread in all, and {@code --jobs N}
 * never more than N, however the work splits. At most {@code jobs} images are in flight, so at
 * most {@code jobs} are decoded in memory at once; when several are, each one's parallel loops
 * share the same N threads, which is why several small images at once go faster than one after
 * another with all threads on each. Results are identical whatever {@code jobs} is, because the
 * parallel loops cut their work the same way on any number of threads.
 *
 * <p>The calling thread only coordinates: it starts images as others finish, prints results in
 * input order as soon as all before them are in, and drives the progress bar. On Ctrl-C (or any
 * JVM shutdown during the batch) a shutdown hook closes the write gate, waits for files being
 * written to be complete, and reports what was done.
 */
final class Batch {
  /** How long a shutdown waits for files being written; a local file takes milliseconds. */
  static final long WRITE_WAIT_MILLIS = 30_000;
  private static final long TICK_MILLIS = 250;

  private final Function<Task, FileResult> work;
  private final WriteGate gate;
  private final int jobs;
  private final ProgressBar bar;

  /** What the batch did: one result per item in input order, and the wall time. */
  record Outcome(List<FileResult> results, double seconds, boolean interrupted) {}

  /** Called by the shutdown hook with the results so far (null for files not finished). */
  @FunctionalInterface
  interface Interruption {
    void interrupted(List<FileResult> soFar, double seconds);
  }

  /**
   * @param work does one task, never throwing for a bad file ({@link FileCompressor#run})
   * @param gate the gate {@code work} writes files through, closed on Ctrl-C
   * @param jobs threads, and images at once
   * @param bar the progress bar, or {@link ProgressBar#NONE}
   */
  Batch(Function<Task, FileResult> work, WriteGate gate, int jobs, ProgressBar bar) {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be >= 1, got " + jobs);
    }
    this.work = work;
    this.gate = gate;
    this.jobs = jobs;
    this.bar = bar;
  }

  /**
   * Runs every item; {@code onResult} is called on this thread for each result, in input order.
   * {@code onInterrupt} is called from the shutdown hook if the JVM shuts down mid-batch.
   */
  Outcome run(List<PlanItem> items, Consumer<FileResult> onResult, Interruption onInterrupt) {
    int n = items.size();
    AtomicReferenceArray<FileResult> results = new AtomicReferenceArray<>(n);
    AtomicBoolean interrupted = new AtomicBoolean();
    Object printLock = new Object();
    long start = System.nanoTime();
    Thread hook = new Thread(() -> {
      interrupted.set(true);
      gate.close(WRITE_WAIT_MILLIS);
      synchronized (printLock) {
        bar.clear();
        onInterrupt.interrupted(snapshot(results), (System.nanoTime() - start) / 1e9);
      }
    }, "squish-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    ForkJoinPool pool = new ForkJoinPool(jobs);
    try {
      new Driver(items, results, pool, interrupted, printLock, onResult).run();
    } finally {
      pool.shutdownNow();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        interrupted.set(true); // the JVM is shutting down: the hook runs and reports, not the caller
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<FileResult> all = snapshot(results);
    boolean complete = !interrupted.get() && all.stream().allMatch(r -> r != null);
    return new Outcome(complete ? List.copyOf(all) : all, seconds, !complete);
  }

  /** The coordinating loop of one run: starts images, collects results, prints them in order. */
  private final class Driver {
    private final List<PlanItem> items;
    private final AtomicReferenceArray<FileResult> results;
    private final ForkJoinPool pool;
    private final AtomicBoolean interrupted;
    private final Object printLock;
    private final Consumer<FileResult> onResult;
    private final BlockingQueue<Integer> finished = new LinkedBlockingQueue<>();
    private int next;
    private int inFlight;
    private int printed;
    private int done;

    Driver(List<PlanItem> items, AtomicReferenceArray<FileResult> results, ForkJoinPool pool,
        AtomicBoolean interrupted, Object printLock, Consumer<FileResult> onResult) {
      this.items = items;
      this.results = results;
      this.pool = pool;
      this.interrupted = interrupted;
      this.printLock = printLock;
      this.onResult = onResult;
    }

    void run() {
      synchronized (printLock) {
        bar.update(0);
      }
      while (printed < items.size() && !interrupted.get()) {
        startMore();
        Integer i;
        try {
          i = finished.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        synchronized (printLock) {
          if (interrupted.get()) {
            return; // the shutdown hook reports from here on
          }
          if (i == null) {
            bar.tick();
          } else {
            collect(i);
          }
        }
      }
      synchronized (printLock) {
        bar.clear();
      }
    }

    /** Starts images until {@code jobs} are in flight; refusals from planning need no thread. */
    private void startMore() {
      while (next < items.size() && inFlight < jobs) {
        int i = next++;
        PlanItem item = items.get(i);
        if (item instanceof PlanItem.Refused r) {
          results.set(i, r.refusal());
          finished.add(i);
        } else {
          inFlight++;
          Task task = ((PlanItem.Planned) item).task();
          pool.execute(() -> runOne(task, i, results, finished));
        }
      }
    }

    /** Takes every finished index at once, then prints the results that are next in input order. */
    private void collect(int first) {
      List<Integer> now = new ArrayList<>();
      now.add(first);
      finished.drainTo(now);
      for (int f : now) {
        if (items.get(f) instanceof PlanItem.Planned) {
          inFlight--;
        }
      }
      done += now.size();
      bar.clear();
      while (printed < items.size() && results.get(printed) != null) {
        onResult.accept(results.get(printed++));
      }
      // a result is stored just before its index is queued, so a few may print before they count
      bar.update(Math.max(done, printed));
    }
  }

  /** Runs one task on a pool thread; always records a result and signals, whatever happens. */
  private void runOne(Task task, int i, AtomicReferenceArray<FileResult> results, BlockingQueue<Integer> finished) {
    try {
      results.set(i, work.apply(task));
    } catch (OutOfMemoryError e) {
      results.set(i, new FileResult.Failed(task.shownInput(), FileCompressor.notEnoughMemory(), e));
    } catch (RuntimeException | Error e) {
      results.set(i, new FileResult.Failed(task.shownInput(),
          "internal error: " + e + " (a bug in squish; run with --verbose and please report it)", e));
    } finally {
      gate.releaseDeferred(); // the result is recorded: a Ctrl-C report may count the file now
      finished.add(i);
    }
  }

  private static List<FileResult> snapshot(AtomicReferenceArray<FileResult> results) {
    List<FileResult> list = new ArrayList<>(results.length());
    for (int i = 0; i < results.length(); i++) {
      list.add(results.get(i));
    }
    return list;
  }
}

package dev.squish.testkit;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The fuzz targets' bound on one input, kept preemptively: the check runs on a worker thread and
 * the caller waits at most the limit, so an input that loops forever fails the run with its size
 * instead of hanging it. (JUnit's {@code @Timeout} on a fuzz test bounds the whole fuzzing run, and
 * libFuzzer's {@code -timeout} only the standalone runs.)
 */
public final class InputDeadline {
  /** The bound: a decoder that takes longer on one input is as good as hung. */
  public static final Duration LIMIT = Duration.ofSeconds(10);

  private static ExecutorService worker = newWorker();

  private InputDeadline() {}

  /** Runs {@code check} on one input of {@code inputLength} bytes within {@link #LIMIT}. */
  public static void run(int inputLength, Runnable check) {
    run(inputLength, check, LIMIT);
  }

  /** As {@link #run(int, Runnable)} with another limit (for testing the bound itself). */
  public static synchronized void run(int inputLength, Runnable check, Duration limit) {
    Future<?> done = worker.submit(check);
    try {
      done.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      abandon(done);
      throw new AssertionError("an input of " + inputLength + " bytes took over " + limit.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new AssertionError(cause);
    } catch (InterruptedException e) {
      abandon(done);
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while an input of " + inputLength + " bytes ran", e);
    }
  }

  /** Gives up on a check: its thread may never come back, so the next input gets a fresh one. */
  private static void abandon(Future<?> check) {
    check.cancel(true);
    worker.shutdownNow();
    worker = newWorker();
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-input");
      t.setDaemon(true);
      return t;
    });
  }
}

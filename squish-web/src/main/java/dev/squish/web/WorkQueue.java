package dev.squish.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the real work: at most {@link WebConfig#workers()} requests decode or compress at once
 * (the others wait, 503 after the queue time, without reading their upload), at most {@link
 * WebConfig#maxWaiting()} wait (one more gets 503 with Retry-After at once: a crowd must not hold
 * every handler thread, nor wait minutes for its answer), and exact fits run
 * on a fork-join pool of their own. squish's parallel loops run on the pool of the thread that
 * starts them; on the common pool a preview's chunks would queue behind those of a running exact
 * fit (measured: 1.6 s instead of 0.4 s for a preview on a megapixel image), while on separate
 * pools the operating system shares the cores between the two.
 */
final class WorkQueue implements AutoCloseable {
  /** Work that may read an upload. */
  interface Work<T> {
    T run() throws IOException;
  }

  private final int workerCount;
  private final Semaphore workers;
  private final int queueSeconds;
  private final int maxWaiting;
  private final AtomicInteger waiting = new AtomicInteger();
  private final ForkJoinPool exactPool;

  WorkQueue(int workers, int queueSeconds, int maxWaiting) {
    this.workerCount = workers;
    this.workers = new Semaphore(workers, true);
    this.queueSeconds = queueSeconds;
    this.maxWaiting = maxWaiting;
    AtomicInteger n = new AtomicInteger();
    this.exactPool = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
      ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
      t.setName("squish-web-exact-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, null, false);
  }

  /**
   * Runs {@code work} holding a worker; 503 at once when every worker is busy and {@code
   * maxWaiting} requests already wait, 503 when none is free within the queue time.
   */
  <T> T withWorker(Work<T> work) {
    boolean acquired;
    try {
      // a zero wait still honours the queue's order (tryAcquire() without a time would barge)
      acquired = workers.tryAcquire(0, TimeUnit.SECONDS);
      if (!acquired) {
        if (waiting.incrementAndGet() > maxWaiting) {
          waiting.decrementAndGet();
          throw new HttpError(HttpError.BUSY, "the server is busy (" + workerCount + " working, " + maxWaiting
              + " waiting); try again in a moment");
        }
        try {
          acquired = workers.tryAcquire(queueSeconds, TimeUnit.SECONDS);
        } finally {
          waiting.decrementAndGet();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw shuttingDown();
    }
    if (!acquired) {
      throw new HttpError(HttpError.BUSY, "the server is busy; try again in a moment");
    }
    try {
      return work.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      workers.release();
    }
  }

  /** Runs an exact fit on the exact fits' own pool and waits for it. */
  <T> T inExactPool(Callable<T> fit) {
    try {
      return exactPool.submit(fit).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw shuttingDown();
    }
  }

  /**
   * Takes the image's exact-fit lock, giving up (409) as soon as a newer request for the image
   * arrives: a request the page has abandoned must not hold one of the server's threads for as
   * long as the running fit takes.
   */
  static void awaitExactTurn(UploadSession s, long generation) {
    try {
      while (!s.exactLock().tryLock(100, TimeUnit.MILLISECONDS)) {
        if (s.generation() != generation) {
          throw superseded();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw shuttingDown();
    }
  }

  /** Workers busy right now. */
  int busyWorkers() {
    return workerCount - workers.availablePermits();
  }

  /** Requests waiting for a worker right now. */
  int waiting() {
    return waiting.get();
  }

  static HttpError superseded() {
    return new HttpError(HttpError.CONFLICT, "superseded by a newer request for this image");
  }

  private static HttpError shuttingDown() {
    return new HttpError(HttpError.BUSY, "the server is shutting down");
  }

  @Override
  public void close() {
    exactPool.shutdownNow();
  }
}

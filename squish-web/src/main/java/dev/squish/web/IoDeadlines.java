package dev.squish.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's handler threads, and a time limit on each request's network I/O. The JDK's server
 * reads a request's headers on one of these threads with a blocking read and has no read timeout
 * of its own, so a client trickling its headers (or its body, or taking the answer very slowly)
 * would hold the thread for as long as it likes; a few dozen such clients would starve the page.
 * Here every request has a deadline while it reads its headers, while a route reads its body and
 * while the answer is written; a watchdog interrupts a thread past its deadline, which closes the
 * connection (the socket channel is interruptible) and frees the thread. Waiting for a worker and
 * computing have no deadline: those are bounded by {@link WorkQueue}.
 */
final class IoDeadlines implements Executor, AutoCloseable {
  /** Slowest accepted transfer after the first {@code timeout}: a megabyte a second (loopback does hundreds). */
  static final long MIN_BYTES_PER_SECOND = 1L << 20;
  /** How often the watchdog looks. */
  private static final long CHECK_MILLIS = 250;

  /** The deadline of the request the current handler thread serves (null on other threads). */
  private static final ThreadLocal<Slot> CURRENT = new ThreadLocal<>();

  private final long timeoutNanos;
  private final ExecutorService threads;
  private final ScheduledExecutorService watchdog;
  private final Map<Thread, Slot> slots = new ConcurrentHashMap<>();
  private final AtomicInteger cutOff = new AtomicInteger();

  IoDeadlines(int threadCount, int timeoutSeconds) {
    this.timeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
    AtomicInteger n = new AtomicInteger();
    this.threads = new ThreadPoolExecutor(threadCount, threadCount, 0, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "squish-web-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "squish-web-deadlines");
      t.setDaemon(true);
      return t;
    });
    watchdog.scheduleWithFixedDelay(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Runs one exchange of the JDK's server; its headers must arrive within the timeout. */
  @Override
  public void execute(Runnable exchange) {
    threads.execute(() -> {
      Thread t = Thread.currentThread();
      Slot slot = new Slot(t);
      slot.arm(System.nanoTime() + timeoutNanos);
      slots.put(t, slot);
      CURRENT.set(slot);
      try {
        exchange.run();
      } finally {
        CURRENT.remove();
        slots.remove(t);
        slot.disarm();
        Thread.interrupted(); // a late interrupt must not reach the next request on this thread
      }
    });
  }

  /** Called by the handler when it starts: the headers are in, and work has no deadline. */
  static void headersRead() {
    Slot s = CURRENT.get();
    if (s != null && s.disarm()) {
      Thread.interrupted(); // cut off just as the headers came in: the channel is closed, answering will fail
    }
  }

  /**
   * Runs {@code io}, the sending or receiving of {@code bytes}, within the timeout plus a second per
   * MiB; past it the connection is closed and an {@link IOException} thrown. Nested calls share the
   * outer deadline; off a handler thread {@code io} just runs.
   */
  static <T> T during(long bytes, Io<T> io) throws IOException {
    Slot s = CURRENT.get();
    if (s == null || s.armed()) {
      return io.run();
    }
    long extra = Math.max(0, bytes) * 1_000_000_000L / MIN_BYTES_PER_SECOND;
    s.arm(System.nanoTime() + s.timeoutNanos() + extra);
    T result;
    try {
      result = io.run();
    } catch (IOException e) {
      if (s.disarm()) {
        Thread.interrupted();
        throw tooSlow(e);
      }
      throw e;
    } catch (RuntimeException | Error e) {
      if (s.disarm()) {
        Thread.interrupted();
      }
      throw e;
    }
    if (s.disarm()) {
      Thread.interrupted();
      throw tooSlow(null);
    }
    return result;
  }

  private static IOException tooSlow(IOException cause) {
    return new IOException("the client was too slow: cut off after the read timeout", cause);
  }

  /** Requests cut off so far. */
  int cutOff() {
    return cutOff.get();
  }

  private void check() {
    long now = System.nanoTime();
    for (Slot s : slots.values()) {
      s.expireIfDue(now);
    }
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
    threads.shutdownNow();
  }

  /** Network I/O of a request. */
  interface Io<T> {
    T run() throws IOException;
  }

  /** One handler thread's deadline: armed during I/O, fired once the watchdog has interrupted it. */
  private final class Slot {
    private final Thread thread;
    private long deadline;
    private boolean armed;
    private boolean fired;

    Slot(Thread thread) {
      this.thread = thread;
    }

    long timeoutNanos() {
      return timeoutNanos;
    }

    synchronized void arm(long deadlineNanos) {
      deadline = deadlineNanos;
      armed = true;
      fired = false;
    }

    synchronized boolean armed() {
      return armed;
    }

    /** Ends the I/O; true if the watchdog fired meanwhile (the thread's interrupt flag may be set). */
    synchronized boolean disarm() {
      boolean f = fired;
      armed = false;
      fired = false;
      return f;
    }

    synchronized void expireIfDue(long now) {
      if (armed && now - deadline > 0) {
        armed = false;
        fired = true;
        cutOff.incrementAndGet();
        thread.interrupt();
      }
    }
  }
}

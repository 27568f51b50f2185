package dev.squish.cli;

/**
 * Lets output files be written until it is closed, and lets whoever closes it wait for the
 * writes in progress to end. On Ctrl-C the shutdown hook closes the gate: a write that has begun
 * runs to its rename (a complete file) or its clean-up (no file), and no new one begins, so the
 * process never dies half-way through a file.
 */
final class WriteGate {
  private final ThreadLocal<Boolean> deferred = new ThreadLocal<>();
  private int active;
  private boolean closed;

  /** Begins a write; false when the gate is closed and nothing may be written. */
  synchronized boolean enter() {
    if (closed) {
      return false;
    }
    active++;
    return true;
  }

  /** Ends a write begun by a successful {@link #enter}. */
  synchronized void exit() {
    active--;
    notifyAll();
  }

  /**
   * Ends this thread's write only at its next {@link #releaseDeferred}: a file written is not done
   * until its result is recorded, or a Ctrl-C report could call a complete file unfinished.
   */
  void exitLater() {
    deferred.set(Boolean.TRUE);
  }

  /** Ends the write this thread deferred with {@link #exitLater}, if any. */
  void releaseDeferred() {
    if (deferred.get() != null) {
      deferred.remove();
      exit();
    }
  }

  /** {@return true once the gate is closed (Ctrl-C): the run is ending} */
  synchronized boolean isClosed() {
    return closed;
  }

  /**
   * Closes the gate and waits up to {@code timeoutMillis} for the writes in progress to end.
   * Returns true when none is left.
   */
  synchronized boolean close(long timeoutMillis) {
    closed = true;
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (active > 0) {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        return false;
      }
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return active == 0;
      }
    }
    return true;
  }
}

package dev.squish.cli;

import static org.assertj.core.api.Assertions.assertThat;
import dev.squish.io.encode.OutputFormat;
import dev.squish.parallel.ParallelChunks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The batch runner on its own, with stand-in work instead of image compression. */
class BatchTest {

  private static List<PlanItem> items(int n) {
    List<PlanItem> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path p = Path.of("in" + i + ".png");
      items.add(new PlanItem.Planned(new Task(p, Path.of("out" + i + ".png"), OutputFormat.PNG, p.toString())));
    }
    return items;
  }

  private static FileResult skipped(Task t) {
    return new FileResult.Skipped(t.shownInput(), t.shownOutput(), "test");
  }

  private static List<String> run(Function<Task, FileResult> work, int jobs, List<PlanItem> items) {
    List<String> printed = new ArrayList<>();
    Batch.Outcome o = new Batch(work, new WriteGate(), jobs, ProgressBar.NONE).run(items,
        r -> printed.add(r.input()), (soFar, s) -> { });
    assertThat(o.interrupted()).isFalse();
    assertThat(o.results()).extracting(FileResult::input).containsExactlyElementsOf(printed);
    return printed;
  }

  @Test
  void printsResultsInInputOrderWhenLaterOnesFinishFirst() {
    CountDownLatch secondDone = new CountDownLatch(1);
    Function<Task, FileResult> work = t -> {
      if (t.shownInput().equals("in0.png")) {
        await(secondDone); // the first input finishes only after the second
      }
      if (t.shownInput().equals("in1.png")) {
        secondDone.countDown();
      }
      return skipped(t);
    };
    assertThat(run(work, 2, items(5))).containsExactly("in0.png", "in1.png", "in2.png", "in3.png", "in4.png");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void neverHasMoreThanJobsImagesInFlightAndReachesJobs(int jobs) throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger max = new AtomicInteger();
    // each group of `jobs` tasks waits until all of the group are in flight; a runner allowing
    // more would show it in `max`, one allowing fewer would time out at the barrier
    CyclicBarrier group = new CyclicBarrier(jobs);
    Function<Task, FileResult> work = t -> {
      max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        group.await(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("fewer than " + jobs + " tasks ran at once", e);
      }
      inFlight.decrementAndGet();
      return skipped(t);
    };
    List<String> printed = run(work, jobs, items(jobs * 4));
    assertThat(printed).hasSize(jobs * 4);
    assertThat(max.get()).isEqualTo(jobs);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void theImagesAndTheirParallelLoopsShareOnePoolOfJobsThreads(int jobs) {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    Set<ForkJoinPool> pools = ConcurrentHashMap.newKeySet();
    Function<Task, FileResult> work = t -> {
      // a kernel-style parallel loop with many chunks, as histogram, k-means and deflate run
      ParallelChunks.forEach(64 * 1024, 1024, (c, from, to) -> {
        Thread th = Thread.currentThread();
        threads.add(th);
        if (th instanceof ForkJoinWorkerThread w) {
          pools.add(w.getPool());
        }
        long x = 0;
        for (int i = from; i < to; i++) {
          x += (long) i * i;
        }
        assertThat(x).isPositive();
      });
      return skipped(t);
    };
    run(work, jobs, items(6));
    assertThat(threads).allMatch(th -> th instanceof ForkJoinWorkerThread);
    assertThat(pools).hasSize(1).allMatch(p -> p.getParallelism() == jobs && p != ForkJoinPool.commonPool());
    assertThat(threads.size()).isBetween(1, jobs);
  }

  @Test
  void aBugInOneFileIsThatFilesFailureAndTheBatchGoesOn() {
    Function<Task, FileResult> work = t -> {
      if (t.shownInput().equals("in1.png")) {
        throw new IllegalStateException("boom");
      }
      return skipped(t);
    };
    List<FileResult> results = new ArrayList<>();
    new Batch(work, new WriteGate(), 2, ProgressBar.NONE).run(items(3), results::add, (s, t) -> { });
    assertThat(results).hasSize(3);
    assertThat(results.get(1)).isInstanceOfSatisfying(FileResult.Failed.class, f -> assertThat(f.reason())
        .startsWith("internal error: java.lang.IllegalStateException: boom (a bug in squish;"));
    assertThat(results.get(2)).isInstanceOf(FileResult.Skipped.class);
  }

  @Test
  void refusalsFromPlanningKeepTheirPlace() {
    List<PlanItem> items = new ArrayList<>(items(3));
    items.add(1, new PlanItem.Refused("empty-folder", "no images in this folder"));
    List<String> printed = run(BatchTest::skipped, 2, items);
    assertThat(printed).containsExactly("in0.png", "empty-folder", "in1.png", "in2.png");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the other task never finished");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

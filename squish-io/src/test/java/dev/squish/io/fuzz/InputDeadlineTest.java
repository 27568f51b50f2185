package dev.squish.io.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squish.testkit.InputDeadline;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fuzz targets' per-input bound: a hung input ends the check with its size, and findings pass through. */
class InputDeadlineTest {
  @Test
  // if the bound did not hold, JUnit's own thread would end the test (the hang ignores interrupts)
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void anInputThatNeverReturnsFailsOnceTheLimitIsPast() {
    CountDownLatch never = new CountDownLatch(1);
    Runnable hang = () -> {
      while (true) {
        try {
          never.await();
        } catch (InterruptedException e) {
          // a hung decoder ignores interrupts too
        }
      }
    };
    assertThatThrownBy(() -> InputDeadline.run(1234, hang, Duration.ofMillis(200)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("an input of 1234 bytes took over 200 ms");
    // the stuck worker is left behind; the next input still runs
    AtomicBoolean ran = new AtomicBoolean();
    InputDeadline.run(1, () -> ran.set(true), Duration.ofSeconds(30));
    assertThat(ran).isTrue();
  }

  @Test
  void whatTheCheckThrowsReachesTheFuzzerUnwrapped() {
    IllegalStateException finding = new IllegalStateException("squish bug");
    assertThatThrownBy(() -> InputDeadline.run(1, () -> {
      throw finding;
    })).isSameAs(finding);
    AssertionError bound = new AssertionError("heap bound");
    assertThatThrownBy(() -> InputDeadline.run(1, () -> {
      throw bound;
    })).isSameAs(bound);
  }
}

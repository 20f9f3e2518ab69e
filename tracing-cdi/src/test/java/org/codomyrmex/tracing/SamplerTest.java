package org.codomyrmex.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SamplerTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void alwaysAndNeverDoWhatTheySay() {
    assertThat(Sampler.always().shouldSample(1, 2, "a", SpanKind.SERVER, 0)).isTrue();
    assertThat(Sampler.never().shouldSample(1, 2, "a", SpanKind.SERVER, 0)).isFalse();
    assertThat(Sampler.always()).hasToString("always");
    assertThat(Sampler.never()).hasToString("never");
  }

  @Test
  void ratioKeepsItsFractionOfRandomTraceIds() {
    Sampler sampler = Sampler.ratio(0.25);
    SplittableRandom random = new SplittableRandom(42);
    int kept = 0;
    int traces = 400_000;
    for (int i = 0; i < traces; i++) {
      if (sampler.shouldSample(random.nextLong(), random.nextLong(), "r", SpanKind.SERVER, 0)) {
        kept++;
      }
    }
    // Binomial standard deviation is about 274 here; 5 deviations is a wide but firm bound.
    assertThat(kept).isBetween(100_000 - 1_400, 100_000 + 1_400);
    assertThat(sampler).hasToString("ratio(0.25)");
  }

  @Test
  void ratioIsAFunctionOfTheTraceIdAlone() {
    Sampler first = Sampler.ratio(0.5);
    Sampler second = Sampler.ratio(0.5);
    SplittableRandom random = new SplittableRandom(7);
    int kept = 0;
    for (int i = 0; i < 10_000; i++) {
      long high = random.nextLong();
      long low = random.nextLong();
      boolean decision = first.shouldSample(high, low, "a", SpanKind.SERVER, i);
      assertThat(second.shouldSample(~high, low, "other", SpanKind.CLIENT, -i))
          .as("same low half, other name, kind, time and high half")
          .isEqualTo(decision);
      kept += decision ? 1 : 0;
    }
    assertThat(kept).isBetween(4_500, 5_500);
  }

  @Test
  void ratioAgreesWithTheOpenTelemetryRule() {
    // A trace id ending in 0x4000000000000000 is kept by OpenTelemetry at 0.6, not at 0.4.
    long low = 0x4000000000000000L;
    assertThat(Sampler.ratio(0.6).shouldSample(0, low, "a", SpanKind.SERVER, 0)).isTrue();
    assertThat(Sampler.ratio(0.4).shouldSample(0, low, "a", SpanKind.SERVER, 0)).isFalse();
    assertThat(Sampler.ratio(1.0).shouldSample(0, Long.MAX_VALUE, "a", SpanKind.SERVER, 0))
        .isTrue();
    assertThat(Sampler.ratio(0.0).shouldSample(0, 0, "a", SpanKind.SERVER, 0)).isFalse();
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> Sampler.ratio(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sampler.ratio(-0.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sampler.ratio(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sampler.rateLimited(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rateLimitedSpreadsItsBudgetOverTheSecond() {
    Sampler sampler = Sampler.rateLimited(100);
    long start = 1_000 * SECOND;
    List<Long> kept = new ArrayList<>();
    // A request every 100 microseconds for 3 seconds: 30,000 candidates.
    for (long t = start; t < start + 3 * SECOND; t += 100_000) {
      if (sampler.shouldSample(1, 1, "a", SpanKind.SERVER, t)) {
        kept.add(t - start);
      }
    }
    long firstTenth = kept.stream().filter(t -> t < SECOND / 10).count();
    // At most a tenth of the budget at once, then one every 10 ms: about 21, not 100.
    assertThat(firstTenth).as("no burst of the whole budget at the start").isBetween(19L, 22L);
    for (int second = 0; second < 3; second++) {
      long from = second * SECOND;
      long count = kept.stream().filter(t -> t >= from && t < from + SECOND).count();
      assertThat(count).as("second %d", second).isBetween(95L, 112L);
    }
    assertThat(sampler).hasToString("rateLimited(100)");
  }

  @Test
  void rateLimitedAllowsABurstOfATenthAfterAQuietSpell() {
    Sampler sampler = Sampler.rateLimited(1000);
    long t = 5 * SECOND;
    int kept = 0;
    for (int i = 0; i < 10_000; i++) {
      kept += sampler.shouldSample(1, 1, "a", SpanKind.SERVER, t) ? 1 : 0;
    }
    assertThat(kept).as("all at one instant").isBetween(100, 101);
  }

  @Test
  void rateLimitedStaysCorrectUnderContention() throws InterruptedException {
    int threads = 8;
    Sampler sampler = Sampler.rateLimited(1000);
    AtomicInteger kept = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    long start = 10 * SECOND;
    // Each thread walks the same simulated 2 seconds in 1-microsecond steps.
    for (int i = 0; i < threads; i++) {
      Thread worker =
          new Thread(
              () -> {
                awaitQuietly(go);
                for (long t = start; t < start + 2 * SECOND; t += 1_000) {
                  if (sampler.shouldSample(1, 1, "a", SpanKind.SERVER, t)) {
                    kept.incrementAndGet();
                  }
                }
              });
      worker.start();
      workers.add(worker);
    }
    go.countDown();
    for (Thread worker : workers) {
      worker.join(30_000);
    }
    // 2 seconds at 1000 a second, plus at most the tolerance of a tenth of a second.
    assertThat(kept.get()).isBetween(1_900, 2_101);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

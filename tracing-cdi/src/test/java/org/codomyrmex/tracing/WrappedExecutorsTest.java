package org.codomyrmex.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.export.InMemoryExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code Tracers.wrap(ExecutorService)} and {@code wrap(ScheduledExecutorService)}. */
class WrappedExecutorsTest {
  private final Tracer tracer = Tracer.create("wrapped", new InMemoryExporter());
  private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(2);

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    Tracers.clearCurrent();
    tracer.shutdown();
  }

  private static Callable<Span> currentSpan() {
    return () -> Tracers.currentSpan().orElse(null);
  }

  @Test
  void submitRunsUnderTheSubmittersSpan() throws Exception {
    ExecutorService wrapped = Tracers.wrap((ExecutorService) pool);
    try (Span caller = tracer.span("caller")) {
      Future<Span> seen = wrapped.submit(currentSpan());
      CountDownLatch ran = new CountDownLatch(1);
      List<Span> seenByRunnable = new CopyOnWriteArrayList<>();
      wrapped.submit(
          () -> {
            seenByRunnable.add(Tracers.currentSpan().orElseThrow());
            ran.countDown();
          });
      assertThat(seen.get(10, TimeUnit.SECONDS)).isSameAs(caller);
      assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(seenByRunnable).containsExactly(caller);
    }
    assertPoolThreadsCarryNothing();
  }

  @Test
  void invokeAllAndInvokeAnyRunUnderTheCallersSpan() throws Exception {
    ExecutorService wrapped = Tracers.wrap((ExecutorService) pool);
    try (Span caller = tracer.span("caller")) {
      List<Future<Span>> all = wrapped.invokeAll(List.of(currentSpan(), currentSpan()));
      assertThat(all.get(0).get()).isSameAs(caller);
      assertThat(all.get(1).get()).isSameAs(caller);
      assertThat(wrapped.invokeAny(List.of(currentSpan()))).isSameAs(caller);
    }
    assertPoolThreadsCarryNothing();
  }

  @Test
  void scheduledAndPeriodicRunsCarryTheSchedulersSpan() throws Exception {
    ScheduledExecutorService wrapped = Tracers.wrap(pool);
    List<Span> periodicRuns = new CopyOnWriteArrayList<>();
    CountDownLatch threeRuns = new CountDownLatch(3);
    try (Span caller = tracer.span("caller")) {
      ScheduledFuture<Span> later = wrapped.schedule(currentSpan(), 5, TimeUnit.MILLISECONDS);
      ScheduledFuture<?> periodic =
          wrapped.scheduleAtFixedRate(
              () -> {
                periodicRuns.add(Tracers.currentSpan().orElse(null));
                threeRuns.countDown();
              },
              0,
              5,
              TimeUnit.MILLISECONDS);
      assertThat(later.get(10, TimeUnit.SECONDS)).isSameAs(caller);
      assertThat(threeRuns.await(10, TimeUnit.SECONDS)).isTrue();
      periodic.cancel(false);
      assertThat(periodicRuns.subList(0, 3)).containsOnly(caller);
    }
    assertPoolThreadsCarryNothing();
  }

  @Test
  void completableFutureOnAWrappedExecutorMakesChildSpans() throws Exception {
    Span child;
    String callerId;
    try (Span caller = tracer.span("caller")) {
      callerId = caller.spanId();
      child =
          CompletableFuture.supplyAsync(() -> tracer.startSpan("async"), Tracers.wrap(pool))
              .thenApplyAsync(span -> span, Tracers.wrap(pool))
              .get(10, TimeUnit.SECONDS);
    }
    assertThat(child.parentSpanId()).isEqualTo(callerId);
    assertPoolThreadsCarryNothing();
  }

  private void assertPoolThreadsCarryNothing() throws Exception {
    for (int i = 0; i < 8; i++) {
      assertThat(pool.submit(currentSpan()).get(10, TimeUnit.SECONDS)).isNull();
    }
  }
}

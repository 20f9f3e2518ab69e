package org.codomyrmex.tracing.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.codomyrmex.tracing.Scope;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.export.InMemoryExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both thread-context providers, Jakarta Concurrency and MicroProfile Context Propagation. */
class ThreadContextProvidersTest {
  private final InMemoryExporter exported = new InMemoryExporter();
  private final Tracer tracer = Tracer.create("providers", exported);

  /** One provider seen through the few calls a runtime makes; snapshots stay opaque. */
  record Provider(
      String name,
      String type,
      Supplier<Object> capture,
      Supplier<Object> clear,
      Function<Object, Restorer> beginner) {
    Object current() {
      return capture.get();
    }

    Object cleared() {
      return clear.get();
    }

    Restorer begin(Object snapshot) {
      return beginner.apply(snapshot);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  interface Restorer {
    void end();
  }

  static Stream<Provider> providers() {
    TracingThreadContextProvider jakarta = new TracingThreadContextProvider();
    org.codomyrmex.tracing.context.TracingThreadContextProvider microProfile =
        new org.codomyrmex.tracing.context.TracingThreadContextProvider();
    return Stream.of(
        new Provider(
            "Jakarta Concurrency",
            jakarta.getThreadContextType(),
            () -> jakarta.currentContext(Map.of()),
            () -> jakarta.clearedContext(Map.of()),
            snapshot -> ((ThreadContextSnapshot) snapshot).begin()::endContext),
        new Provider(
            "MicroProfile Context Propagation",
            microProfile.getThreadContextType(),
            () -> microProfile.currentContext(Map.of()),
            () -> microProfile.clearedContext(Map.of()),
            snapshot ->
                ((org.eclipse.microprofile.context.spi.ThreadContextSnapshot) snapshot).begin()
                    ::endContext));
  }

  @AfterEach
  void clearThread() {
    Tracers.clearCurrent();
    tracer.shutdown();
  }

  @ParameterizedTest
  @MethodSource("providers")
  void typeIsTracing(Provider provider) {
    assertThat(provider.type()).isEqualTo("Tracing");
  }

  @ParameterizedTest
  @MethodSource("providers")
  void workerRunsUnderTheSubmittersSpanAndGetsItsOwnStaleSpanBack(Provider provider) {
    Span submitter = tracer.startSpan("submitter");
    Span stale = tracer.startSpan("stale, left by an earlier task");
    Object snapshot;
    try (Scope ignored = submitter.makeCurrent()) {
      snapshot = provider.current();
    }
    Tracers.clearCurrent();
    stale.makeCurrent(); // the worker already has a span current, never closed

    Restorer restorer = provider.begin(snapshot);
    assertThat(Tracers.currentSpan()).containsSame(submitter);
    Span child = tracer.startSpan("task");
    tracer.span("left current by the task"); // not closed: the restorer must undo it anyway
    restorer.end();

    assertThat(child.parentSpanId()).isEqualTo(submitter.spanId());
    assertThat(Tracers.currentSpan()).containsSame(stale);
  }

  @ParameterizedTest
  @MethodSource("providers")
  void endingTwiceThrowsAndChangesNothing(Provider provider) {
    Span submitter = tracer.startSpan("submitter");
    Object snapshot;
    try (Scope ignored = submitter.makeCurrent()) {
      snapshot = provider.current();
    }
    Restorer restorer = provider.begin(snapshot);
    restorer.end();
    Span after = tracer.startSpan("after");
    after.makeCurrent();

    assertThatThrownBy(restorer::end).isInstanceOf(IllegalStateException.class);
    assertThat(Tracers.currentSpan()).containsSame(after);
  }

  @ParameterizedTest
  @MethodSource("providers")
  void clearedContextRunsWithNoSpanAndRestoresTheWorkers(Provider provider) {
    Span submitter = tracer.startSpan("submitter");
    Span workers = tracer.startSpan("worker's");
    Object snapshot;
    try (Scope ignored = submitter.makeCurrent()) {
      snapshot = provider.cleared();
    }
    workers.makeCurrent();

    Restorer restorer = provider.begin(snapshot);
    assertThat(Tracers.currentSpan()).isEmpty();
    restorer.end();

    assertThat(Tracers.currentSpan()).containsSame(workers);
  }

  @ParameterizedTest
  @MethodSource("providers")
  void capturingWithNoSpanGivesTheClearedSnapshot(Provider provider) {
    assertThat(provider.current()).isSameAs(provider.cleared());
  }

  @ParameterizedTest
  @MethodSource("providers")
  void nestedContextsEndInReverseOrder(Provider provider) {
    Span outer = tracer.startSpan("outer");
    Span inner = tracer.startSpan("inner");
    Object outerSnapshot = capturedUnder(provider, outer);
    Object innerSnapshot = capturedUnder(provider, inner);

    Restorer outerRestorer = provider.begin(outerSnapshot);
    Restorer innerRestorer = provider.begin(innerSnapshot); // a contextual proxy called inline
    assertThat(Tracers.currentSpan()).containsSame(inner);
    innerRestorer.end();
    assertThat(Tracers.currentSpan()).containsSame(outer);
    outerRestorer.end();

    assertThat(Tracers.currentSpan()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("providers")
  void endingInBeginOrderBesideAnotherContextRestoresBoth(Provider provider) {
    // Payara ends the contexts of a task in the order it began them, not in reverse.
    ThreadLocal<String> other = ThreadLocal.withInitial(() -> "worker's");
    Span submitter = tracer.startSpan("submitter");
    Span workers = tracer.startSpan("worker's");
    Object snapshot = capturedUnder(provider, submitter);
    workers.makeCurrent();

    Restorer tracing = provider.begin(snapshot); // begun first
    other.set("submitter's");
    tracing.end(); // ended first
    assertThat(Tracers.currentSpan()).containsSame(workers);
    assertThat(other.get()).isEqualTo("submitter's");
    other.set("worker's");

    assertThat(Tracers.currentSpan()).containsSame(workers);
    assertThat(other.get()).isEqualTo("worker's");
  }

  @ParameterizedTest
  @MethodSource("providers")
  void thousandTasksOnASmallPoolLeaveNoSpanBehind(Provider provider) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<String>> parents = new ArrayList<>();
    List<Span> submitters = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      Span submitter = tracer.startSpan("submitter-" + i);
      submitters.add(submitter);
      Object snapshot = i % 10 == 0 ? provider.current() : capturedUnder(provider, submitter);
      parents.add(pool.submit(() -> runTask(provider, snapshot)));
    }
    List<Future<Boolean>> leftOvers = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      leftOvers.add(pool.submit(() -> Tracers.currentSpan().isPresent()));
    }

    for (int i = 0; i < 1_000; i++) {
      String expected = i % 10 == 0 ? null : submitters.get(i).spanId();
      assertThat(parents.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(expected);
    }
    for (Future<Boolean> leftOver : leftOvers) {
      assertThat(leftOver.get(10, TimeUnit.SECONDS)).isFalse();
    }
    pool.shutdown();
  }

  @Test
  void bothProvidersAreListedAsServices() {
    assertThat(
            ServiceLoader.load(jakarta.enterprise.concurrent.spi.ThreadContextProvider.class)
                .stream())
        .extracting(ServiceLoader.Provider::type)
        .contains(TracingThreadContextProvider.class);
    assertThat(
            ServiceLoader.load(org.eclipse.microprofile.context.spi.ThreadContextProvider.class)
                .stream())
        .extracting(ServiceLoader.Provider::type)
        .contains(org.codomyrmex.tracing.context.TracingThreadContextProvider.class);
  }

  /** Runs a task under the snapshot, returning the parent id its span got (null for a root). */
  private String runTask(Provider provider, Object snapshot) {
    Restorer restorer = provider.begin(snapshot);
    try {
      Span span = tracer.startSpan("task");
      span.finish();
      return span.parentSpanId();
    } finally {
      restorer.end();
    }
  }

  private static Object capturedUnder(Provider provider, Span span) {
    try (Scope ignored = span.makeCurrent()) {
      return provider.current();
    }
  }
}

package org.codomyrmex.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.export.InMemoryExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TracerTest {
  private final InMemoryExporter memory = new InMemoryExporter();
  private final Tracer tracer = Tracer.create("checkout", memory);

  @AfterEach
  void shutdown() {
    tracer.shutdown();
    assertThat(Tracers.currentSpan()).as("no span leaks out of a test").isEmpty();
  }

  @Test
  void nestedSpansShareTheTraceAndLinkParents() {
    try (Span outer = tracer.span("outer")) {
      try (Span inner = tracer.span("inner")) {
        assertThat(inner.traceId()).isEqualTo(outer.traceId());
        assertThat(inner.parentSpanId()).isEqualTo(outer.spanId());
        assertThat(tracer.currentSpan()).contains(inner);
      }
      assertThat(tracer.currentSpan()).contains(outer);
    }
    assertThat(tracer.currentSpan()).isEmpty();
  }

  @Test
  void startSpanIsNotMadeCurrentButIsAChildOfTheCurrent() {
    try (Span outer = tracer.span("outer")) {
      Span child = tracer.startSpan("child", SpanKind.CLIENT);
      assertThat(child.parentSpanId()).isEqualTo(outer.spanId());
      assertThat(child.kind()).isEqualTo(SpanKind.CLIENT);
      assertThat(tracer.currentSpan()).contains(outer);
      child.finish();
    }
  }

  @Test
  void explicitParentContextWins() {
    SpanContext remote =
        SpanContext.create(
            "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", null, true, null);
    try (Span ignored = tracer.span("local")) {
      Span span = tracer.startSpan("server", SpanKind.SERVER, remote, Map.of("a", "b"));
      assertThat(span.traceId()).isEqualTo(remote.traceId());
      assertThat(span.parentSpanId()).isEqualTo(remote.spanId());
      assertThat(span.spanId()).isNotEqualTo(remote.spanId());
      assertThat(span.attributes()).containsEntry("a", "b");
    }
  }

  @Test
  void contextIsSharedAcrossTracers() {
    Tracer other = Tracer.create("payments", memory);
    try (Span a = tracer.span("a");
        Span b = other.span("b")) {
      assertThat(b.parentSpanId()).isEqualTo(a.spanId());
      assertThat(b.attributes()).containsEntry("service.name", "payments");
      assertThat(Tracers.currentSpan()).contains(b);
    } finally {
      other.shutdown();
    }
  }

  @Test
  void exceptionInsideTryWithResourcesIsRecordableAndRestores() {
    Span captured = null;
    try (Span span = tracer.span("failing")) {
      captured = span;
      throw new IllegalStateException("nope");
    } catch (IllegalStateException e) {
      captured.recordException(e);
    }
    assertThat(captured.isFinished()).isTrue();
    assertThat(tracer.currentSpan()).isEmpty();
  }

  @Test
  void unsampledParentIsPropagatedAndNotExported() {
    SpanContext remote =
        SpanContext.create(
            "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", null, false, Map.of("k", "v"));
    Span server = tracer.startSpan("server", SpanKind.SERVER, remote, null);
    try (Scope ignored = server.makeCurrent()) {
      Span child = tracer.startSpan("child");
      assertThat(child.context().sampled()).isFalse();
      assertThat(child.baggage()).containsEntry("k", "v");
      child.finish();
    }
    server.finish();
    tracer.flush();

    assertThat(memory.getSpans()).isEmpty();
    assertThat(tracer.droppedSpans()).isZero();
  }

  @Test
  void clearCurrentHidesAndRestores() {
    try (Span outer = tracer.span("outer")) {
      try (Scope cleared = Tracers.clearCurrent()) {
        assertThat(Tracers.currentSpan()).isEmpty();
        Span root = tracer.startSpan("root");
        assertThat(root.parentSpanId()).isNull();
        assertThat(root.traceId()).isNotEqualTo(outer.traceId());
        root.finish();
      }
      assertThat(Tracers.currentSpan()).contains(outer);
    }
  }

  @Test
  void wrapCarriesTheContextOntoPoolThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (Span outer = tracer.span("outer")) {
      CompletableFuture<Span> viaRunnable = new CompletableFuture<>();
      Runnable task = () -> viaRunnable.complete(tracer.startSpan("r"));
      pool.execute(Tracers.wrap(task));
      Span viaCallable = pool.submit(Tracers.wrap(() -> tracer.startSpan("c"))).get();
      CompletableFuture<Span> viaExecutor = new CompletableFuture<>();
      Tracers.wrap(pool).execute(() -> viaExecutor.complete(tracer.startSpan("e")));

      for (Span child : List.of(viaRunnable.get(), viaCallable, viaExecutor.get())) {
        assertThat(child.parentSpanId()).isEqualTo(outer.spanId());
      }
      CompletableFuture<Boolean> clean = new CompletableFuture<>();
      pool.execute(() -> clean.complete(Tracers.currentSpan().isEmpty()));
      assertThat(clean.get()).as("pool threads are clean after wrapped tasks").isTrue();
    } finally {
      pool.shutdown();
      pool.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void outOfOrderCloseIsToleratedAndStrictModeReportsIt() {
    Span outer = tracer.span("outer");
    Span inner = tracer.span("inner");
    outer.close(); // wrong order: logged, nothing thrown
    inner.close(); // restores past the closed outer span
    assertThat(Tracers.currentSpan()).isEmpty();

    Tracers.strictMode(true);
    try {
      Span a = tracer.span("a");
      Span b = tracer.span("b");
      org.assertj.core.api.Assertions.assertThatThrownBy(a::close)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("mis-nested");
      b.close();
    } finally {
      Tracers.strictMode(false);
    }
    assertThat(Tracers.currentSpan()).isEmpty();
  }

  @Test
  void everySpanHasServiceName() {
    tracer.startSpan("x").finish();
    tracer.flush();
    assertThat(memory.getSpans().get(0).attributes()).containsEntry("service.name", "checkout");
    assertThat(tracer.name()).isEqualTo("checkout");
    assertThat(tracer.serviceName()).isEqualTo("checkout");
    assertThat(tracer.exportedSpans()).isEqualTo(1);
  }
}

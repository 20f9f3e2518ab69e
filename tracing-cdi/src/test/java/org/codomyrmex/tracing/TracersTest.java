package org.codomyrmex.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.export.InMemoryExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TracersTest {

  @AfterEach
  void reset() {
    Tracers.shutdownAll();
  }

  @Test
  void sameNameGivesTheSameInstanceAcrossThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Tracer>> futures = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return Tracers.get("shared", new InMemoryExporter());
              }));
    }
    start.countDown();
    Set<Tracer> distinct = ConcurrentHashMap.newKeySet();
    for (Future<Tracer> future : futures) {
      distinct.add(future.get(10, TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(distinct).hasSize(1);
    assertThat(distinct.iterator().next().serviceName()).isEqualTo("shared");
  }

  @Test
  void existingTracerKeepsItsExporter() {
    InMemoryExporter first = new InMemoryExporter();
    Tracer tracer = Tracers.get("kept", first);
    assertThat(Tracers.get("kept", new InMemoryExporter())).isSameAs(tracer);

    tracer.startSpan("s").finish();
    tracer.flush();
    assertThat(first.getSpans()).hasSize(1);
  }

  @Test
  void currentSpanAndContextAcrossAllTracers() {
    Tracer a = Tracers.get("a", new InMemoryExporter());
    assertThat(Tracers.currentSpan()).isEmpty();
    assertThat(Tracers.currentContext()).isEmpty();
    try (Span span = a.span("op")) {
      assertThat(Tracers.currentSpan()).contains(span);
      assertThat(Tracers.currentContext()).contains(span.context());
    }
  }

  @Test
  void shutdownAllFlushesAndForgets() {
    InMemoryExporter memory = new InMemoryExporter();
    Tracer tracer = Tracers.get("forgotten", memory);
    tracer.startSpan("s").finish();

    Tracers.shutdownAll();

    assertThat(memory.getSpans()).isEmpty(); // flushed, then the exporter's shutdown cleared it
    assertThat(tracer.exportedSpans()).isEqualTo(1);
    assertThat(Tracers.get("forgotten", new InMemoryExporter())).isNotSameAs(tracer);
  }

  @Test
  void defaultTracerIsNamedByServiceName() {
    try (SystemProperties ignored =
        SystemProperties.set("tracing.service-name", "shop", "tracing.exporter", "none")) {
      assertThat(Tracers.defaultTracer().name()).isEqualTo("shop");
      assertThat(Tracers.defaultTracer()).isSameAs(Tracers.get("shop"));
    }
  }

  @Test
  void badNamesAndBadConfigurationFailFast() {
    assertThatThrownBy(() -> Tracers.get(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Tracers.get(null)).isInstanceOf(NullPointerException.class);
    try (SystemProperties ignored = SystemProperties.set("tracing.batch-size", "ten")) {
      assertThatThrownBy(() -> Tracers.get("misconfigured"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("tracing.batch-size");
    }
  }

  @Test
  void disabledTracingRecordsNothing() {
    try (SystemProperties ignored = SystemProperties.set("tracing.enabled", "false")) {
      InMemoryExporter memory = new InMemoryExporter();
      Tracer tracer = Tracer.create("off", memory);
      try (Span span = tracer.span("op")) {
        span.setAttribute("k", "v").addEvent("e");
        assertThat(tracer.currentSpan()).isEmpty();
        assertThat(span.attributes()).doesNotContainKey("k");
      }
      tracer.flush();
      assertThat(memory.getSpans()).isEmpty();
      assertThat(tracer.isEnabled()).isFalse();
    }
  }
}

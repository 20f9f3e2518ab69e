package org.codomyrmex.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.codomyrmex.tracing.export.InMemoryExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TracerSamplingTest {
  private static final SpanContext RECORDED_REMOTE =
      SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", null, true, null);
  private static final SpanContext UNRECORDED_REMOTE =
      SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", null, false, null);

  private final InMemoryExporter memory = new InMemoryExporter();
  private final AtomicInteger asked = new AtomicInteger();
  private Tracer tracer;

  @AfterEach
  void shutdown() {
    if (tracer != null) {
      tracer.shutdown();
    }
    assertThat(Tracers.currentSpan()).as("no span leaks out of a test").isEmpty();
  }

  private Tracer tracer(boolean decision) {
    Sampler counting =
        (high, low, name, kind, start) -> {
          asked.incrementAndGet();
          return decision;
        };
    tracer = Tracer.create("sampling", memory, counting);
    return tracer;
  }

  @Test
  void onlyRootSpansAskTheSampler() {
    Tracer tracer = tracer(true);
    try (Span root = tracer.span("root")) {
      try (Span child = tracer.span("child")) {
        tracer.startSpan("grandchild").finish();
        assertThat(child.isRecording()).isTrue();
      }
      tracer.startSpan("remote child", SpanKind.SERVER, RECORDED_REMOTE, Map.of()).finish();
      assertThat(root.isRecording()).isTrue();
    }
    assertThat(asked).hasValue(1);
    tracer.flush();
    assertThat(memory.getSpans()).hasSize(4);
  }

  @Test
  void anUnrecordedTraceKeepsItsIdsAndParentsButExportsNothing() {
    Tracer tracer = tracer(false);
    Span root = tracer.span("root");
    Span child = tracer.span("child");
    assertThat(child.isRecording()).isFalse();
    assertThat(child.traceId()).isEqualTo(root.traceId()).hasSize(32);
    assertThat(child.parentSpanId()).isEqualTo(root.spanId());
    assertThat(tracer.currentSpan()).contains(child);
    assertThat(child.context().sampled()).isFalse();
    assertThat(child.context().toHeaders()).containsEntry("X-Sampled", "false");
    child.close();
    assertThat(tracer.currentSpan()).contains(root);
    root.close();
    assertThat(root.isFinished()).isTrue();
    tracer.flush();
    assertThat(memory.getSpans()).isEmpty();
    assertThat(tracer.droppedSpans()).isZero();
    assertThat(tracer.exportedSpans()).isZero();
  }

  @Test
  void anUnrecordedSpanStoresNothing() {
    Tracer tracer = tracer(false);
    try (Span span = tracer.span("root")) {
      span.setAttribute("a", "b").setAttribute("n", 1L).setAttribute("o", (Object) 2);
      span.setAttributes(Map.of("c", "d"));
      span.addEvent("e").addEvent("f", Map.of("g", "h"));
      span.recordException(new IllegalStateException("boom"));
      assertThat(span.attributes()).containsOnlyKeys("service.name");
      assertThat(span.events()).isEmpty();
      assertThat(span.status()).isEqualTo(SpanStatus.UNSET);
    }
  }

  @Test
  void aRemoteParentsDecisionWinsOverTheLocalSampler() {
    Tracer never = tracer(false);
    Span recorded = never.startSpan("server", SpanKind.SERVER, RECORDED_REMOTE, Map.of());
    recorded.finish();
    Tracer always = Tracer.create("always", new InMemoryExporter(), Sampler.always());
    try {
      Span unrecorded = always.startSpan("server", SpanKind.SERVER, UNRECORDED_REMOTE, Map.of());
      unrecorded.finish();
      assertThat(unrecorded.isRecording()).isFalse();
      always.flush();
    } finally {
      always.shutdown();
    }
    never.flush();
    assertThat(asked).hasValue(0);
    assertThat(memory.getSpans()).containsExactly(recorded);
  }

  @Test
  void aFailingSamplerRecordsNothingAndNeverThrows() {
    tracer =
        Tracer.create(
            "failing",
            memory,
            (high, low, name, kind, start) -> {
              throw new IllegalStateException("sampler bug");
            });
    try (Span span = tracer.span("root")) {
      assertThat(span.isRecording()).isFalse();
    }
  }

  @Test
  void ratioSamplingThroughATracerKeepsItsShare() {
    tracer = Tracer.create("ratio", memory, Sampler.ratio(0.3));
    int recorded = 0;
    for (int i = 0; i < 20_000; i++) {
      try (Span span = tracer.span("root")) {
        recorded += span.isRecording() ? 1 : 0;
      }
    }
    assertThat(recorded).isBetween(5_700, 6_300);
  }
}

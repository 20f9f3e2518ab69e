package org.codomyrmex.tracing.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;
import org.junit.jupiter.api.Test;

class InMemoryExporterTest {

  @Test
  void keepsTheMostRecentSpans() {
    InMemoryExporter memory = new InMemoryExporter(3);
    Tracer tracer = Tracer.create("trim", memory);
    for (int i = 0; i < 5; i++) {
      tracer.startSpan("s" + i).finish();
    }
    tracer.flush();

    assertThat(memory.getSpans()).extracting(Span::name).containsExactly("s2", "s3", "s4");
    tracer.shutdown();
  }

  @Test
  void filtersByTraceAndClears() {
    InMemoryExporter memory = new InMemoryExporter();
    Tracer tracer = Tracer.create("filter", memory);
    Span a;
    try (Span root = tracer.span("a")) {
      a = root;
      tracer.startSpan("a-child").finish();
    }
    tracer.startSpan("b").finish();
    tracer.flush();

    assertThat(memory.getSpans(a.traceId()))
        .extracting(Span::name)
        .containsExactlyInAnyOrder("a", "a-child");
    assertThat(memory.getSpans()).hasSize(3);
    memory.clear();
    assertThat(memory.getSpans()).isEmpty();
    tracer.shutdown();
  }

  @Test
  void defaultsAndValidation() {
    InMemoryExporter memory = new InMemoryExporter();
    Tracer tracer = Tracer.create("many", memory);
    for (int i = 0; i < 1005; i++) {
      tracer.startSpan("s").finish();
    }
    tracer.flush();
    assertThat(memory.getSpans()).hasSize(1000);
    memory.shutdown();
    assertThat(memory.getSpans()).isEmpty();
    assertThatThrownBy(() -> new InMemoryExporter(0)).isInstanceOf(IllegalArgumentException.class);
    tracer.shutdown();
  }
}

package org.codomyrmex.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanExporter;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.export.InMemoryExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Span taps get every batch in addition to the exporters, never instead of them. */
class SpanTapTest {
  private final InMemoryExporter beans = new InMemoryExporter();

  @BeforeEach
  @AfterEach
  void reset() {
    Exporters.clearOverride();
    RecordingSpanTap.SEEN.clear();
  }

  private static List<Span> finishedSpans(int count) {
    InMemoryExporter memory = new InMemoryExporter();
    Tracer tracer = Tracer.create("tapped", memory);
    for (int i = 0; i < count; i++) {
      tracer.startSpan("work-" + i).finish();
    }
    tracer.flush();
    List<Span> spans = memory.getSpans();
    tracer.shutdown(); // clears the memory exporter
    return spans;
  }

  @Test
  void aTapSeesTheSpansBesideTheApplicationsExporterBeans() {
    Exporters.override(() -> beans);
    SpanExporter exporter =
        Exporters.create(TracingConfig.of(Map.of(RecordingSpanTap.KEY, "on")::get));
    exporter.export(finishedSpans(3));

    assertThat(beans.getSpans())
        .extracting(Span::name)
        .containsExactly("work-0", "work-1", "work-2");
    assertThat(RecordingSpanTap.SEEN.getSpans())
        .extracting(Span::name)
        .containsExactly("work-0", "work-1", "work-2");
  }

  @Test
  void aTapSeesTheSpansOfTheConfiguredExporters() {
    SpanExporter exporter =
        Exporters.create(
            TracingConfig.of(Map.of("tracing.exporter", "none", RecordingSpanTap.KEY, "on")::get));
    exporter.export(finishedSpans(2));
    exporter.shutdown(); // a tracer shutting down does not shut the tap down

    assertThat(RecordingSpanTap.SEEN.getSpans()).hasSize(2);
  }

  @Test
  void withoutATapTheExporterIsTheOneChosen() {
    Exporters.override(() -> beans);
    assertThat(Exporters.create(TracingConfig.of(Map.<String, String>of()::get))).isSameAs(beans);
    assertThat(RecordingSpanTap.SEEN.getSpans()).isEmpty();
  }
}

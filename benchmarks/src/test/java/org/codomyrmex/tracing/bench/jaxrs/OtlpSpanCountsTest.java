package org.codomyrmex.tracing.bench.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.export.InMemoryExporter;
import org.codomyrmex.tracing.export.OtlpJsonBodies;
import org.junit.jupiter.api.Test;

class OtlpSpanCountsTest {

  @Test
  void countsSpansAndServerSpansInTheOpenTelemetrySdksProtobuf() throws Exception {
    List<SpanData> finished = new ArrayList<>();
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(collecting(finished)))
            .build()) {
      io.opentelemetry.api.trace.Tracer tracer = provider.get("test");
      for (SpanKind kind : List.of(SpanKind.SERVER, SpanKind.INTERNAL, SpanKind.SERVER)) {
        tracer
            .spanBuilder("GET /api/hello")
            .setSpanKind(kind)
            .setAllAttributes(Attributes.builder().put("http.response.status_code", 200L).build())
            .startSpan()
            .addEvent("event")
            .end();
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    TraceRequestMarshaler.create(finished).writeBinaryTo(body);

    OtlpSpanCounts counts = new OtlpSpanCounts();
    counts.addProtobuf(body.toByteArray());

    assertThat(counts.spans).isEqualTo(3);
    assertThat(counts.serverSpans).isEqualTo(2);
  }

  @Test
  void countsSpansAndServerSpansInThisLibrarysJson() {
    InMemoryExporter memory = new InMemoryExporter();
    Tracer tracer = Tracer.create("test", memory);
    tracer.startSpan("GET /api/hello", org.codomyrmex.tracing.SpanKind.SERVER).finish();
    try (Span parent = tracer.span("work")) {
      tracer.startSpan("child").finish();
    }
    tracer.flush();

    OtlpSpanCounts counts = new OtlpSpanCounts();
    counts.addJson(OtlpJsonBodies.encode(memory.getSpans()));

    assertThat(counts.spans).isEqualTo(3);
    assertThat(counts.serverSpans).isEqualTo(1);
    tracer.shutdown();
  }

  private static SpanExporter collecting(List<SpanData> finished) {
    return new SpanExporter() {
      @Override
      public io.opentelemetry.sdk.common.CompletableResultCode export(Collection<SpanData> spans) {
        finished.addAll(spans);
        return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
      }

      @Override
      public io.opentelemetry.sdk.common.CompletableResultCode flush() {
        return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
      }

      @Override
      public io.opentelemetry.sdk.common.CompletableResultCode shutdown() {
        return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
      }
    };
  }
}

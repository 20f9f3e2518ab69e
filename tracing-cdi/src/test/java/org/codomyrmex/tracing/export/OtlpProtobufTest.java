package org.codomyrmex.tracing.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanContext;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.SpanStatus;
import org.junit.jupiter.api.Test;

/**
 * Checks the protobuf encoding against the official schema: parsed by opentelemetry-proto's
 * generated classes, it is the very message the strictly checked JSON encoding describes.
 */
class OtlpProtobufTest {

  @Test
  void encodesTheSameMessageAsTheJsonEncoding() throws Exception {
    List<Span> spans = new ArrayList<>(SampleSpans.trace("checkout"));
    spans.addAll(awkwardSpans());
    Map<String, String> resource = Map.of("deployment.environment", "prod");

    ExportTraceServiceRequest fromProtobuf =
        ExportTraceServiceRequest.parseFrom(OtlpProtobuf.encode(spans, resource));
    ExportTraceServiceRequest fromJson =
        OtlpHttpExporterTest.parseStrictly(OtlpJson.encode(spans, resource));

    assertThat(fromProtobuf.getResourceSpansCount()).isEqualTo(2);
    assertThat(fromProtobuf.getResourceSpans(0).getScopeSpans(0).getSpansCount()).isEqualTo(3);
    assertThat(fromProtobuf).isEqualTo(fromJson);
  }

  @Test
  void concatenatedBodiesAreOneRequestWithEverySpanInOrder() throws Exception {
    byte[] first = OtlpProtobuf.encode(SampleSpans.trace("a"), Map.of());
    byte[] second = OtlpProtobuf.encode(SampleSpans.many("b", 2), Map.of());

    ExportTraceServiceRequest parsed =
        ExportTraceServiceRequest.parseFrom(BodyFormat.OTLP_PROTOBUF.join(List.of(first, second)));

    assertThat(parsed.getResourceSpansList())
        .flatExtracting(r -> r.getScopeSpans(0).getSpansList())
        .extracting(s -> s.getName())
        .containsExactly("call inventory", "compute", "GET /orders/{id}", "op-0", "op-1");
  }

  @Test
  void exporterPostsProtobufUncompressedWhenSoConfigured() throws Exception {
    List<Span> spans = SampleSpans.many("svc", 300);
    try (CaptureServer backend = new CaptureServer()) {
      OtlpHttpExporter exporter =
          new OtlpHttpExporter(
              backend.uri("/v1/traces"),
              HttpExporterOptions.defaults().withGzip(false),
              OtlpHttpExporter.Encoding.PROTOBUF);
      exporter.export(spans);

      assertThat(exporter.flush(Duration.ofSeconds(10))).isTrue();
      assertThat(exporter.exportedSpans()).isEqualTo(300);
      CaptureServer.Request request = backend.requests().get(0);
      assertThat(request.header("Content-Type")).isEqualTo("application/x-protobuf");
      assertThat(request.header("Content-Encoding")).isNull();
      ExportTraceServiceRequest parsed = ExportTraceServiceRequest.parseFrom(request.body());
      assertThat(parsed.getResourceSpans(0).getScopeSpans(0).getSpansCount()).isEqualTo(300);
      exporter.shutdown();
    }
  }

  // Long and non-ASCII strings (lengths of two varint bytes), nested values, the child of a remote
  // parent, a status message, numbers at their edges, and a second service.
  private static List<Span> awkwardSpans() {
    String longText = "x".repeat(300) + " é ü 漢字 😀";
    return SampleSpans.record(
        "stock",
        tracer -> {
          SpanContext remote =
              SpanContext.create(
                  "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", null, true, Map.of());
          Span span = tracer.startSpan("ünïcode " + longText, SpanKind.CONSUMER, remote, null);
          Map<String, Object> nested = new LinkedHashMap<>();
          nested.put("inner", List.of(1L, -1L, Long.MIN_VALUE, "s", false, 2.5));
          nested.put("deeper", Map.of("k", Double.NaN));
          span.setAttribute("nested", nested);
          span.setAttribute("big", new BigInteger("9223372036854775807"));
          span.setAttribute("counter", new AtomicLong(-7));
          span.setAttribute("infinite", Double.NEGATIVE_INFINITY);
          span.setAttribute("long text", longText);
          span.addEvent("empty");
          span.setStatus(SpanStatus.ERROR, "failed: " + longText);
          span.finish();
        });
  }
}

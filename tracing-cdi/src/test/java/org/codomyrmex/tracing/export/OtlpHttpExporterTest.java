package org.codomyrmex.tracing.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.codomyrmex.tracing.Span;
import org.junit.jupiter.api.Test;

/** Checks the OTLP/HTTP JSON payload strictly against the official protobuf schema. */
class OtlpHttpExporterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void payloadParsesStrictlyAsExportTraceServiceRequestWithEveryField() throws Exception {
    List<Span> spans = SampleSpans.trace("checkout");
    try (CaptureServer backend = new CaptureServer()) {
      OtlpHttpExporter exporter = new OtlpHttpExporter(backend.uri("/v1/traces"));
      exporter.export(spans);

      assertThat(exporter.flush(java.time.Duration.ofSeconds(10))).isTrue();
      assertThat(exporter.exportedSpans()).isEqualTo(3);
      assertThat(backend.requests()).hasSize(1);
      CaptureServer.Request request = backend.requests().get(0);
      assertThat(request.header("Content-Type")).isEqualTo("application/json");
      assertThat(request.header("Content-Encoding")).isEqualTo("gzip");

      ExportTraceServiceRequest parsed = parseStrictly(request.body());
      assertThat(parsed.getResourceSpansCount()).isEqualTo(1);
      ResourceSpans resource = parsed.getResourceSpans(0);
      assertThat(attributes(resource.getResource().getAttributesList()))
          .isEqualTo(
              Map.of(
                  "service.name", string("checkout"),
                  "telemetry.sdk.name", string("codomyrmex-tracing"),
                  "telemetry.sdk.language", string("java")));
      assertThat(resource.getScopeSpansCount()).isEqualTo(1);
      ScopeSpans scope = resource.getScopeSpans(0);
      assertThat(scope.getScope().getName()).isEqualTo("org.codomyrmex.tracing");
      assertThat(scope.getSpansCount()).isEqualTo(3);
      for (int i = 0; i < spans.size(); i++) {
        assertSameSpan(scope.getSpans(i), spans.get(i));
      }
    }
  }

  @Test
  void rawJsonFollowsTheOtlpMappingNotPlainProtobufJson() throws Exception {
    Span span = SampleSpans.trace("checkout").get(2);
    JsonNode root = JSON.readTree(OtlpJson.encode(List.of(span)));
    JsonNode json = root.at("/resourceSpans/0/scopeSpans/0/spans/0");

    assertThat(json.get("traceId").asText()).isEqualTo(span.traceId()).matches("[0-9a-f]{32}");
    assertThat(json.get("spanId").asText()).isEqualTo(span.spanId()).matches("[0-9a-f]{16}");
    assertThat(json.get("kind").isInt()).isTrue();
    assertThat(json.get("startTimeUnixNano").isTextual()).isTrue();
    assertThat(json.get("endTimeUnixNano").asText()).isEqualTo(Long.toString(span.endEpochNanos()));
    assertThat(json.at("/attributes/1/value/intValue").isTextual()).isTrue();
    assertThat(json.at("/status/code").asInt()).isZero();
  }

  @Test
  void resourceAttributesDescribeEveryResourceBesideServiceName() throws Exception {
    List<Span> spans = new java.util.ArrayList<>(SampleSpans.many("a", 1));
    spans.addAll(SampleSpans.many("b", 1));
    Map<String, String> resource = new java.util.LinkedHashMap<>();
    resource.put("service.version", "1.4.2");
    resource.put("service.name", "ignored");
    resource.put("deployment.environment", "prod");

    ExportTraceServiceRequest parsed = parseStrictly(OtlpJson.encode(spans, resource));

    assertThat(parsed.getResourceSpansList())
        .extracting(
            r -> r.getResource().getAttributesList().stream().map(KeyValue::getKey).toList())
        .containsOnly(
            List.of(
                "service.name",
                "service.version",
                "deployment.environment",
                "telemetry.sdk.name",
                "telemetry.sdk.language"));
    assertThat(parsed.getResourceSpansList())
        .extracting(r -> attributes(r.getResource().getAttributesList()).get("service.name"))
        .containsExactly(string("a"), string("b"));
    assertThat(attributes(parsed.getResourceSpans(1).getResource().getAttributesList()))
        .containsEntry("deployment.environment", string("prod"));
  }

  @Test
  void joinedBatchesParseStrictlyWithEverySpanInOrder() throws Exception {
    List<Span> first = SampleSpans.trace("a");
    List<Span> second = SampleSpans.many("b", 2);

    byte[] joined =
        BodyFormat.OTLP_JSON.join(List.of(OtlpJson.encode(first), OtlpJson.encode(second)));

    ExportTraceServiceRequest parsed = parseStrictly(joined);
    assertThat(parsed.getResourceSpansList())
        .flatExtracting(r -> r.getScopeSpans(0).getSpansList())
        .extracting(s -> s.getName())
        .containsExactly("call inventory", "compute", "GET /orders/{id}", "op-0", "op-1");
  }

  @Test
  void spansOfSeveralServicesGoToSeveralResources() throws Exception {
    List<Span> spans = new java.util.ArrayList<>(SampleSpans.many("a", 2));
    spans.addAll(SampleSpans.many("b", 1));

    ExportTraceServiceRequest parsed = parseStrictly(OtlpJson.encode(spans));

    assertThat(parsed.getResourceSpansList())
        .extracting(r -> attributes(r.getResource().getAttributesList()).get("service.name"))
        .containsExactly(string("a"), string("b"));
    assertThat(parsed.getResourceSpans(0).getScopeSpans(0).getSpansCount()).isEqualTo(2);
  }

  private static void assertSameSpan(io.opentelemetry.proto.trace.v1.Span actual, Span expected) {
    assertThat(hex(actual.getTraceId())).isEqualTo(expected.traceId());
    assertThat(hex(actual.getSpanId())).isEqualTo(expected.spanId());
    assertThat(actual.getParentSpanId().isEmpty() ? null : hex(actual.getParentSpanId()))
        .isEqualTo(expected.parentSpanId());
    assertThat(actual.getName()).isEqualTo(expected.name());
    assertThat(actual.getKind().name()).isEqualTo("SPAN_KIND_" + expected.kind().name());
    assertThat(actual.getStartTimeUnixNano()).isEqualTo(expected.startEpochNanos());
    assertThat(actual.getEndTimeUnixNano()).isEqualTo(expected.endEpochNanos());
    assertThat(actual.getFlags()).isEqualTo(1);
    assertThat(actual.getStatus().getCode())
        .isEqualTo(Status.StatusCode.valueOf("STATUS_CODE_" + expected.status().name()));
    assertThat(actual.getStatus().getMessage())
        .isEqualTo(expected.statusMessage() == null ? "" : expected.statusMessage());
    Map<String, Object> expectedAttributes = new LinkedHashMap<>(expected.attributes());
    expectedAttributes.remove("service.name");
    assertThat(attributes(actual.getAttributesList())).isEqualTo(typed(expectedAttributes));
    assertThat(actual.getEventsCount()).isEqualTo(expected.events().size());
    for (int i = 0; i < expected.events().size(); i++) {
      Span.Event event = expected.events().get(i);
      assertThat(actual.getEvents(i).getName()).isEqualTo(event.name());
      assertThat(actual.getEvents(i).getTimeUnixNano()).isEqualTo(event.epochNanos());
      assertThat(attributes(actual.getEvents(i).getAttributesList()))
          .isEqualTo(typed(event.attributes()));
    }
  }

  /** Returns how many spans an OTLP JSON payload holds, after parsing it strictly. */
  static int spanCount(byte[] payload) {
    try {
      return parseStrictly(payload).getResourceSpansList().stream()
          .flatMap(r -> r.getScopeSpansList().stream())
          .mapToInt(ScopeSpans::getSpansCount)
          .sum();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Parses the OTLP JSON after turning its hex ids into the base64 plain protobuf JSON uses. */
  static ExportTraceServiceRequest parseStrictly(byte[] payload) throws Exception {
    JsonNode root = JSON.readTree(payload);
    for (JsonNode resource : root.get("resourceSpans")) {
      for (JsonNode scope : resource.get("scopeSpans")) {
        for (JsonNode span : scope.get("spans")) {
          hexToBase64((ObjectNode) span, "traceId", 32);
          hexToBase64((ObjectNode) span, "spanId", 16);
          hexToBase64((ObjectNode) span, "parentSpanId", 16);
        }
      }
    }
    ExportTraceServiceRequest.Builder builder = ExportTraceServiceRequest.newBuilder();
    // No ignoringUnknownFields(): any field outside the schema fails the parse.
    JsonFormat.parser().merge(JSON.writeValueAsString(root), builder);
    return builder.build();
  }

  private static void hexToBase64(ObjectNode span, String field, int digits) {
    JsonNode id = span.get(field);
    if (id == null) {
      return;
    }
    assertThat(id.asText()).as(field).matches("[0-9a-f]{" + digits + "}");
    byte[] bytes = HexFormat.of().parseHex(id.asText());
    span.put(field, Base64.getEncoder().encodeToString(bytes));
  }

  private static String hex(ByteString bytes) {
    return HexFormat.of().formatHex(bytes.toByteArray());
  }

  private static Map<String, AnyValue> attributes(List<KeyValue> list) {
    return list.stream()
        .collect(
            Collectors.toMap(
                KeyValue::getKey, KeyValue::getValue, (a, b) -> a, LinkedHashMap::new));
  }

  private static Map<String, AnyValue> typed(Map<String, Object> attributes) {
    return attributes.entrySet().stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey, e -> anyValue(e.getValue()), (a, b) -> a, LinkedHashMap::new));
  }

  private static AnyValue anyValue(Object value) {
    AnyValue.Builder any = AnyValue.newBuilder();
    if (value instanceof Boolean) {
      return any.setBoolValue((Boolean) value).build();
    }
    if (value instanceof Long || value instanceof Integer) {
      return any.setIntValue(((Number) value).longValue()).build();
    }
    if (value instanceof Double) {
      return any.setDoubleValue((Double) value).build();
    }
    if (value instanceof List) {
      Function<Object, AnyValue> element = OtlpHttpExporterTest::anyValue;
      List<AnyValue> values = ((List<?>) value).stream().map(element).toList();
      return any.setArrayValue(
              io.opentelemetry.proto.common.v1.ArrayValue.newBuilder().addAllValues(values))
          .build();
    }
    return string(String.valueOf(value));
  }

  private static AnyValue string(String value) {
    return AnyValue.newBuilder().setStringValue(value).build();
  }
}

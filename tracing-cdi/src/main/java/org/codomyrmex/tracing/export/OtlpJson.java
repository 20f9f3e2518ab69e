package org.codomyrmex.tracing.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.codomyrmex.tracing.Span;

/**
 * Encodes spans as an OTLP {@code ExportTraceServiceRequest} in the OTLP/HTTP JSON mapping.
 *
 * <p>That mapping differs from plain protobuf JSON: ids are hex, enums are integers, 64-bit
 * integers (times included) are strings.
 */
final class OtlpJson {
  static final String SCOPE_NAME = "org.codomyrmex.tracing";
  private static final String SDK_PREFIX = "telemetry.sdk.";

  private OtlpJson() {}

  static byte[] encode(Collection<Span> spans) {
    return encode(spans, Map.of());
  }

  /** Encodes {@code spans} with {@code resource} among the attributes of every resource. */
  static byte[] encode(Collection<Span> spans, Map<String, String> resource) {
    Map<String, List<Span>> byService = groupByService(spans);
    return JsonSupport.write(
        spans.size() * 640,
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart("resourceSpans");
          for (Map.Entry<String, List<Span>> e : byService.entrySet()) {
            writeResourceSpans(json, e.getKey(), resource, e.getValue());
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  /** Returns the spans of each service, the services in the order they first appear. */
  static Map<String, List<Span>> groupByService(Collection<Span> spans) {
    Map<String, List<Span>> byService = new LinkedHashMap<>();
    for (Span span : spans) {
      byService.computeIfAbsent(JsonSupport.serviceName(span), k -> new ArrayList<>()).add(span);
    }
    return byService;
  }

  private static void writeResourceSpans(
      JsonGenerator json, String service, Map<String, String> resource, List<Span> spans)
      throws IOException {
    json.writeStartObject();
    writeResource(json, service, resource);
    json.writeArrayFieldStart("scopeSpans");
    writeScopeSpans(json, spans);
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeResource(
      JsonGenerator json, String service, Map<String, String> resource) throws IOException {
    json.writeObjectFieldStart("resource");
    json.writeArrayFieldStart("attributes");
    for (Map.Entry<String, String> e : resourceAttributes(service, resource).entrySet()) {
      OtlpValues.writeKeyValue(json, e.getKey(), e.getValue());
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /**
   * Returns the attributes of a service's resource: its name, the configured ones, and this SDK's
   * (which the configured ones cannot replace).
   */
  static Map<String, String> resourceAttributes(String service, Map<String, String> resource) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(JsonSupport.SERVICE_NAME, service);
    for (Map.Entry<String, String> e : resource.entrySet()) {
      if (!JsonSupport.isServiceName(e.getKey()) && !e.getKey().startsWith(SDK_PREFIX)) {
        attributes.put(e.getKey(), e.getValue());
      }
    }
    attributes.put(SDK_PREFIX + "name", "codomyrmex-tracing");
    attributes.put(SDK_PREFIX + "language", "java");
    return attributes;
  }

  private static void writeScopeSpans(JsonGenerator json, List<Span> spans) throws IOException {
    json.writeStartObject();
    json.writeObjectFieldStart("scope");
    json.writeStringField("name", SCOPE_NAME);
    json.writeEndObject();
    json.writeArrayFieldStart("spans");
    for (Span span : spans) {
      writeSpan(json, span);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeSpan(JsonGenerator json, Span span) throws IOException {
    json.writeStartObject();
    json.writeStringField("traceId", span.traceId());
    json.writeStringField("spanId", span.spanId());
    if (span.parentSpanId() != null) {
      json.writeStringField("parentSpanId", span.parentSpanId());
    }
    json.writeNumberField("flags", flags(span));
    json.writeStringField("name", span.name());
    json.writeNumberField("kind", kind(span));
    json.writeStringField("startTimeUnixNano", Long.toString(span.startEpochNanos()));
    json.writeStringField("endTimeUnixNano", Long.toString(span.endEpochNanos()));
    writeAttributes(json, span.attributes(), true);
    writeEvents(json, span);
    writeStatus(json, span);
    json.writeEndObject();
  }

  // W3C trace flags: every recorded span is sampled.
  static int flags(Span span) {
    return span.isRecording() ? 1 : 0;
  }

  // SpanKind in the proto: 0 unspecified, then INTERNAL=1 ... CONSUMER=5 in our enum's order.
  static int kind(Span span) {
    switch (span.kind()) {
      case SERVER:
        return 2;
      case CLIENT:
        return 3;
      case PRODUCER:
        return 4;
      case CONSUMER:
        return 5;
      default:
        return 1;
    }
  }

  private static void writeEvents(JsonGenerator json, Span span) throws IOException {
    if (span.events().isEmpty()) {
      return;
    }
    json.writeArrayFieldStart("events");
    for (Span.Event event : span.events()) {
      json.writeStartObject();
      json.writeStringField("timeUnixNano", Long.toString(event.epochNanos()));
      json.writeStringField("name", event.name());
      writeAttributes(json, event.attributes(), false);
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeAttributes(
      JsonGenerator json, Map<String, Object> attributes, boolean skipServiceName)
      throws IOException {
    if (attributes.isEmpty()) {
      return;
    }
    json.writeArrayFieldStart("attributes");
    for (Map.Entry<String, Object> e : attributes.entrySet()) {
      boolean onResource = skipServiceName && JsonSupport.isServiceName(e.getKey());
      if (e.getValue() != null && !onResource) {
        OtlpValues.writeKeyValue(json, e.getKey(), e.getValue());
      }
    }
    json.writeEndArray();
  }

  // Status codes in the proto: UNSET=0, OK=1, ERROR=2, the order of our enum.
  private static void writeStatus(JsonGenerator json, Span span) throws IOException {
    json.writeObjectFieldStart("status");
    String message = span.statusMessage();
    if (message != null && !message.isEmpty()) {
      json.writeStringField("message", message);
    }
    json.writeNumberField("code", span.status().ordinal());
    json.writeEndObject();
  }
}

package org.codomyrmex.tracing.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.SpanStatus;

/** Encodes spans as a Zipkin v2 JSON list ({@code POST /api/v2/spans}). */
final class ZipkinJson {
  private static final String ERROR = "error";

  private ZipkinJson() {}

  private static boolean isError(String key) {
    return ERROR.equals(key);
  }

  static byte[] encode(Collection<Span> spans) {
    return encode(spans, Map.of());
  }

  /** Encodes {@code spans}, each tagged with the {@code resource} attributes it does not have. */
  static byte[] encode(Collection<Span> spans, Map<String, String> resource) {
    return JsonSupport.write(
        spans.size() * 512,
        json -> {
          json.writeStartArray();
          for (Span span : spans) {
            writeSpan(json, span, resource);
          }
          json.writeEndArray();
        });
  }

  private static void writeSpan(JsonGenerator json, Span span, Map<String, String> resource)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("traceId", span.traceId());
    json.writeStringField("id", span.spanId());
    if (span.parentSpanId() != null) {
      json.writeStringField("parentId", span.parentSpanId());
    }
    if (span.kind() != SpanKind.INTERNAL) {
      json.writeStringField("kind", span.kind().name()); // Zipkin has no INTERNAL kind
    }
    json.writeStringField("name", span.name());
    long start = micros(span.startEpochNanos());
    json.writeNumberField("timestamp", start);
    // Zipkin reads 0 as "unknown": a finished span lasts at least one microsecond.
    json.writeNumberField("duration", Math.max(1, micros(span.endEpochNanos()) - start));
    json.writeObjectFieldStart("localEndpoint");
    json.writeStringField("serviceName", JsonSupport.serviceName(span));
    json.writeEndObject();
    writeAnnotations(json, span);
    writeTags(json, span, resource);
    json.writeEndObject();
  }

  private static void writeAnnotations(JsonGenerator json, Span span) throws IOException {
    if (span.events().isEmpty()) {
      return;
    }
    json.writeArrayFieldStart("annotations");
    for (Span.Event event : span.events()) {
      json.writeStartObject();
      json.writeNumberField("timestamp", micros(event.epochNanos()));
      json.writeStringField("value", annotationValue(event));
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  // Annotations are plain strings: the event's attributes follow its name as compact JSON.
  static String annotationValue(Span.Event event) {
    Map<String, Object> attributes = event.attributes();
    return attributes.isEmpty() ? event.name() : event.name() + " " + JsonSupport.text(attributes);
  }

  private static void writeTags(JsonGenerator json, Span span, Map<String, String> resource)
      throws IOException {
    boolean failed = span.status() == SpanStatus.ERROR;
    Map<String, Object> attributes = span.attributes();
    json.writeObjectFieldStart("tags");
    for (Map.Entry<String, String> e : resource.entrySet()) {
      if (!attributes.containsKey(e.getKey()) && !(failed && isError(e.getKey()))) {
        json.writeStringField(e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<String, Object> e : attributes.entrySet()) {
      String key = e.getKey();
      // service.name is the localEndpoint; an "error" attribute yields to the ERROR status.
      if (e.getValue() != null && !JsonSupport.isServiceName(key) && !(failed && isError(key))) {
        json.writeStringField(key, tagValue(e.getValue()));
      }
    }
    if (failed) {
      json.writeStringField(ERROR, errorValue(span.statusMessage()));
    }
    json.writeEndObject();
  }

  static String tagValue(Object value) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return JsonSupport.text(value);
  }

  // Zipkin marks a span failed by the presence of "error"; its value is the message.
  private static String errorValue(String message) {
    return message == null || message.isEmpty() ? "true" : message;
  }

  static long micros(long epochNanos) {
    return Math.floorDiv(epochNanos, 1000L);
  }
}

package org.codomyrmex.tracing.export;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.internal.Ids;

/**
 * Encodes spans as an OTLP {@code ExportTraceServiceRequest} in protobuf, the same message {@link
 * OtlpJson} writes: field numbers of opentelemetry-proto's {@code trace/v1/trace.proto} and {@code
 * common/v1/common.proto}.
 */
final class OtlpProtobuf {
  private OtlpProtobuf() {}

  /** Encodes {@code spans} with {@code resource} among the attributes of every resource. */
  static byte[] encode(Collection<Span> spans, Map<String, String> resource) {
    ProtoWriter proto = new ProtoWriter(spans.size() * 256);
    for (Map.Entry<String, List<Span>> e : OtlpJson.groupByService(spans).entrySet()) {
      proto.begin(1); // ExportTraceServiceRequest.resource_spans
      writeResource(proto, OtlpJson.resourceAttributes(e.getKey(), resource));
      proto.begin(2); // ResourceSpans.scope_spans
      proto.begin(1); // ScopeSpans.scope
      proto.string(1, OtlpJson.SCOPE_NAME);
      proto.end();
      for (Span span : e.getValue()) {
        writeSpan(proto, span);
      }
      proto.end();
      proto.end();
    }
    return proto.toByteArray();
  }

  private static void writeResource(ProtoWriter proto, Map<String, String> attributes) {
    proto.begin(1); // ResourceSpans.resource
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      writeKeyValue(proto, 1, e.getKey(), e.getValue());
    }
    proto.end();
  }

  private static void writeSpan(ProtoWriter proto, Span span) {
    proto.begin(2); // ScopeSpans.spans
    String traceId = span.traceId();
    proto.id(1, Ids.parse(traceId, 0), Ids.parse(traceId, 16));
    proto.id(2, Ids.parse(span.spanId(), 0));
    String parent = span.parentSpanId();
    if (parent != null) {
      proto.id(4, Ids.parse(parent, 0));
    }
    proto.string(5, span.name());
    proto.varint(6, OtlpJson.kind(span));
    proto.fixed64(7, span.startEpochNanos());
    proto.fixed64(8, span.endEpochNanos());
    span.forEachAttribute(
        (key, value) -> {
          if (value != null && !JsonSupport.isServiceName(key)) {
            writeKeyValue(proto, 9, key, value);
          }
        });
    for (Span.Event event : span.events()) {
      proto.begin(11);
      proto.fixed64(1, event.epochNanos());
      proto.string(2, event.name());
      for (Map.Entry<String, Object> attribute : event.attributes().entrySet()) {
        if (attribute.getValue() != null) {
          writeKeyValue(proto, 3, attribute.getKey(), attribute.getValue());
        }
      }
      proto.end();
    }
    proto.begin(15); // Status
    String message = span.statusMessage();
    if (message != null && !message.isEmpty()) {
      proto.string(2, message);
    }
    proto.varint(3, span.status().ordinal());
    proto.end();
    int flags = OtlpJson.flags(span);
    if (flags != 0) {
      proto.fixed32(16, flags);
    }
    proto.end();
  }

  private static void writeKeyValue(ProtoWriter proto, int field, String key, Object value) {
    proto.begin(field); // KeyValue
    proto.string(1, key);
    writeAnyValue(proto, 2, value);
    proto.end();
  }

  // AnyValue's oneof: string 1, bool 2, int 3, double 4, array 5, kvlist 6.
  private static void writeAnyValue(ProtoWriter proto, int field, Object value) {
    proto.begin(field);
    if (value == null) {
      // an empty AnyValue
    } else if (value instanceof Boolean) {
      proto.varint(2, (Boolean) value ? 1 : 0);
    } else if (OtlpValues.isIntegral(value)) {
      proto.varint(3, ((Number) value).longValue());
    } else if (value instanceof Number) {
      proto.doubleValue(4, ((Number) value).doubleValue());
    } else if (value instanceof Collection) {
      proto.begin(5); // ArrayValue
      for (Object item : (Collection<?>) value) {
        writeAnyValue(proto, 1, item);
      }
      proto.end();
    } else if (value instanceof Map) {
      proto.begin(6); // KeyValueList
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        writeKeyValue(proto, 1, String.valueOf(e.getKey()), e.getValue());
      }
      proto.end();
    } else {
      proto.string(1, String.valueOf(value));
    }
    proto.end();
  }
}

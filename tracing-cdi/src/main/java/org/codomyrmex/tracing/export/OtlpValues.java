package org.codomyrmex.tracing.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Writes attribute values as OTLP {@code AnyValue}s, keeping their types. */
final class OtlpValues {
  private OtlpValues() {}

  /** Writes {@code {"key": key, "value": AnyValue}}. */
  static void writeKeyValue(JsonGenerator json, String key, Object value) throws IOException {
    json.writeStartObject();
    json.writeStringField("key", key);
    json.writeFieldName("value");
    writeAnyValue(json, value);
    json.writeEndObject();
  }

  static void writeAnyValue(JsonGenerator json, Object value) throws IOException {
    json.writeStartObject();
    if (value == null) {
      // an empty AnyValue: proto JSON has no null
    } else if (value instanceof Boolean) {
      json.writeBooleanField("boolValue", (Boolean) value);
    } else if (isIntegral(value)) {
      json.writeStringField("intValue", value.toString()); // int64: a string in proto JSON
    } else if (value instanceof Number) {
      writeDouble(json, ((Number) value).doubleValue());
    } else if (value instanceof Collection) {
      writeArray(json, (Collection<?>) value);
    } else if (value instanceof Map) {
      writeKvList(json, (Map<?, ?>) value);
    } else {
      json.writeStringField("stringValue", String.valueOf(value));
    }
    json.writeEndObject();
  }

  /** Whether {@code value} is an OTLP {@code int_value}: a whole number that fits 64 bits. */
  static boolean isIntegral(Object value) {
    return value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte
        || value instanceof AtomicLong
        || value instanceof AtomicInteger
        || (value instanceof BigInteger && ((BigInteger) value).bitLength() < 64);
  }

  // Proto JSON spells non-finite doubles as strings.
  private static void writeDouble(JsonGenerator json, double d) throws IOException {
    if (Double.isFinite(d)) {
      json.writeNumberField("doubleValue", d);
    } else {
      json.writeStringField(
          "doubleValue", Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
    }
  }

  private static void writeArray(JsonGenerator json, Collection<?> values) throws IOException {
    json.writeObjectFieldStart("arrayValue");
    json.writeArrayFieldStart("values");
    for (Object v : values) {
      writeAnyValue(json, v);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeKvList(JsonGenerator json, Map<?, ?> values) throws IOException {
    json.writeObjectFieldStart("kvlistValue");
    json.writeArrayFieldStart("values");
    for (Map.Entry<?, ?> e : values.entrySet()) {
      writeKeyValue(json, String.valueOf(e.getKey()), e.getValue());
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}

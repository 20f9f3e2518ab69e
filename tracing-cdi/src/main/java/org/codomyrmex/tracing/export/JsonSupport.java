package org.codomyrmex.tracing.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.internal.SpanJson;

/** Jackson plumbing shared by the exporters of this package. */
final class JsonSupport {
  // The contract's span JSON settings (epoch seconds as plain decimals).
  static final ObjectMapper MAPPER = SpanJson.mapper();
  static final String SERVICE_NAME = "service.name";

  private JsonSupport() {}

  /** Body of a streamed JSON document. */
  @FunctionalInterface
  interface Writer {
    void write(JsonGenerator json) throws IOException;
  }

  /** Returns the UTF-8 bytes {@code body} writes. */
  static byte[] write(int sizeHint, Writer body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint);
    try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
      body.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode spans as JSON", e);
    }
    return out.toByteArray();
  }

  /** Returns the compact JSON text of a plain value (maps, lists, strings, numbers). */
  static String text(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      return String.valueOf(value);
    }
  }

  /** Returns whether {@code key} is the attribute that names the service (kept out of tags). */
  static boolean isServiceName(String key) {
    return SERVICE_NAME.equals(key);
  }

  /** Returns the span's {@code service.name} attribute, else its tracer's service name. */
  static String serviceName(Span span) {
    Object name = span.attribute(SERVICE_NAME);
    if (name != null) {
      return name.toString();
    }
    return span.tracer() != null ? span.tracer().serviceName() : "unknown";
  }
}

package org.codomyrmex.tracing.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.codomyrmex.tracing.Span;

/** Not API: the span JSON of the contract, written with Jackson. */
public final class SpanJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  private static final ObjectWriter COMPACT = MAPPER.writer();
  private static final String ATTRIBUTES = "attributes";
  private static final String SERVICE_NAME = "service.name";
  private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

  private SpanJson() {}

  /** Returns the shared, configured mapper; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Returns {@code span} as one JSON document, on one line unless {@code pretty}. */
  public static String write(Span span, boolean pretty) {
    return write(span, pretty, Map.of());
  }

  /** Returns {@code span} as one JSON document with the {@code resource} attributes added. */
  public static String write(Span span, boolean pretty, Map<String, String> resource) {
    try {
      return (pretty ? PRETTY : COMPACT).writeValueAsString(toMap(span, resource));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("span could not be written as JSON: " + span.name(), e);
    }
  }

  /**
   * Returns {@link Span#toMap()} with the {@code resource} attributes the span does not have, right
   * after {@code service.name}.
   */
  public static Map<String, Object> toMap(Span span, Map<String, String> resource) {
    Map<String, Object> map = span.toMap();
    if (resource.isEmpty() || !(map.get(ATTRIBUTES) instanceof Map)) {
      return map;
    }
    Map<?, ?> own = (Map<?, ?>) map.get(ATTRIBUTES);
    Map<Object, Object> merged = new LinkedHashMap<>();
    Object serviceName = own.get(SERVICE_NAME);
    if (serviceName != null) {
      merged.put(SERVICE_NAME, serviceName);
    }
    merged.putAll(resource);
    merged.putAll(own); // the span's own value wins
    map.put(ATTRIBUTES, merged);
    return map;
  }
}

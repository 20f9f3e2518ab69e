package org.codomyrmex.tracing.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.codomyrmex.tracing.Span;

/** Not API: the span JSON of the contract, written with Jackson. */
public final class SpanJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  private static final ObjectWriter COMPACT = MAPPER.writer();
  private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

  private SpanJson() {}

  /** Returns the shared, configured mapper; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Returns {@code span} as one JSON document, on one line unless {@code pretty}. */
  public static String write(Span span, boolean pretty) {
    try {
      return (pretty ? PRETTY : COMPACT).writeValueAsString(span.toMap());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("span could not be written as JSON: " + span.name(), e);
    }
  }
}

package org.codomyrmex.tracing.ui;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The viewer's JSON: trace summaries and traces whose spans have the contract's span shape. Every
 * {@code <}, {@code >}, {@code &} and quote in a string is written as a {@code \\u} escape, so the
 * documents are inert even where something renders them as HTML.
 */
final class TraceJson {
  private static final ObjectMapper MAPPER = mapper();

  private TraceJson() {}

  /** {@code {"traces": [summary, ...]}}, in the order given. */
  static String list(List<TraceSummary> summaries) {
    List<Map<String, Object>> traces = new ArrayList<>(summaries.size());
    summaries.forEach(summary -> traces.add(summary(summary)));
    return write(Map.of("traces", traces));
  }

  /** The trace's summary fields and its {@code spans}. */
  static String trace(TraceDetail detail) {
    Map<String, Object> trace = summary(detail.summary());
    List<Map<String, Object>> spans = new ArrayList<>(detail.spans().size());
    detail.spans().forEach(span -> spans.add(span.json()));
    trace.put("spans", spans);
    return write(trace);
  }

  /** {@code {"error": message}}. */
  static String error(String message) {
    return write(Map.of("error", message));
  }

  private static Map<String, Object> summary(TraceSummary summary) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("trace_id", summary.traceId());
    map.put("root_name", summary.rootName());
    map.put("service", summary.service());
    map.put("start_time", BigDecimal.valueOf(summary.startNanos() / 1_000, 6));
    map.put("duration_ms", BigDecimal.valueOf(summary.durationNanos() / 1_000, 3));
    map.put("span_count", summary.spanCount());
    map.put("error_count", summary.errorCount());
    map.put("dropped_spans", summary.droppedSpans());
    return map;
  }

  private static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("trace viewer: could not write JSON", e);
    }
  }

  private static ObjectMapper mapper() {
    ObjectMapper mapper =
        new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    mapper.getFactory().setCharacterEscapes(new HtmlSafe());
    return mapper;
  }

  // The characters that mean something to HTML become JSON unicode escapes.
  private static final class HtmlSafe extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] escapes = standardAsciiEscapesForJSON();

    HtmlSafe() {
      for (char c : new char[] {'<', '>', '&', '\'', '"'}) {
        escapes[c] = ESCAPE_STANDARD;
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null; // only standard escapes are used
    }
  }
}

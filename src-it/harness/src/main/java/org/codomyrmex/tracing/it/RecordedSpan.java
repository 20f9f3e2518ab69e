package org.codomyrmex.tracing.it;

import java.util.List;
import java.util.Map;

/**
 * One span as a runtime wrote it: a line of the JSON-lines file, in the contract's span format.
 *
 * @param json the parsed line ({@code name, trace_id, span_id, parent_span_id, kind, status, ...})
 */
public record RecordedSpan(Map<String, Object> json) {

  /** The span name. */
  public String name() {
    return (String) json.get("name");
  }

  /** The 32-hex trace id. */
  public String traceId() {
    return (String) json.get("trace_id");
  }

  /** The 16-hex span id. */
  public String spanId() {
    return (String) json.get("span_id");
  }

  /** The parent's span id, or null for a root span. */
  public String parentSpanId() {
    return (String) json.get("parent_span_id");
  }

  /** The kind in lowercase, e.g. {@code server}. */
  public String kind() {
    return (String) json.get("kind");
  }

  /** The status in lowercase, e.g. {@code error}. */
  public String status() {
    return (String) json.get("status");
  }

  /** The end time in epoch seconds. */
  public double endTime() {
    return ((Number) json.get("end_time")).doubleValue();
  }

  /** The attributes as written. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> attributes() {
    return (Map<String, Object>) json.getOrDefault("attributes", Map.of());
  }

  /** One attribute as text (numbers included), or null. */
  public String attribute(String key) {
    Object value = attributes().get(key);
    return value == null ? null : String.valueOf(value);
  }

  /** The events, each {@code {name, timestamp, attributes}}. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> events() {
    return (List<Map<String, Object>>) json.getOrDefault("events", List.of());
  }

  /** The attributes of the first event with this name, or null when there is none. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> event(String eventName) {
    return events().stream()
        .filter(e -> eventName.equals(e.get("name")))
        .map(e -> (Map<String, Object>) e.getOrDefault("attributes", Map.of()))
        .findFirst()
        .orElse(null);
  }

  @Override
  public String toString() {
    return String.format(
        "%s %s [%s/%s<-%s] %s", kind(), name(), traceId(), spanId(), parentSpanId(), status());
  }
}

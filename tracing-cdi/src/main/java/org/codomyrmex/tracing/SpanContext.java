package org.codomyrmex.tracing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.codomyrmex.tracing.internal.Ids;

/**
 * The identity of a span that crosses process boundaries: trace id, span id, parent and sampling.
 *
 * <p>Immutable. Ids are lowercase hex: 32 digits for the trace, 16 for spans.
 *
 * <pre>{@code
 * Map<String, String> headers = span.context().toHeaders();       // X-Trace-Id, X-Span-Id, ...
 * Optional<SpanContext> parent = SpanContext.fromHeaders(headers); // on the receiving side
 * }</pre>
 */
public final class SpanContext {
  /** Header carrying the 32-hex trace id. */
  public static final String TRACE_ID_HEADER = "X-Trace-Id";

  /** Header carrying the sender's 16-hex span id. */
  public static final String SPAN_ID_HEADER = "X-Span-Id";

  /** Header carrying the sender's parent span id, when it has one. */
  public static final String PARENT_SPAN_ID_HEADER = "X-Parent-Span-Id";

  /** Header carrying the sampling decision, {@code true} or {@code false}. */
  public static final String SAMPLED_HEADER = "X-Sampled";

  // Nothing longer is ever parsed: a dashed UUID (36) is the longest valid id.
  private static final int MAX_HEADER_LENGTH = 64;

  private final String traceId;
  private final String spanId;
  private final String parentSpanId;
  private final boolean sampled;
  private final Map<String, String> baggage;
  // The ids as numbers, parsed once, so that starting a child of this context parses nothing.
  final long traceIdHigh;
  final long traceIdLow;
  final long spanIdBits;

  private SpanContext(
      String traceId,
      String spanId,
      String parentSpanId,
      boolean sampled,
      Map<String, String> baggage) {
    this.traceId = traceId;
    this.spanId = spanId;
    this.parentSpanId = parentSpanId;
    this.sampled = sampled;
    this.baggage = baggage;
    this.traceIdHigh = Ids.parse(traceId, 0);
    this.traceIdLow = Ids.parse(traceId, 16);
    this.spanIdBits = Ids.parse(spanId, 0);
  }

  /**
   * Creates a context from textual ids, normalising them as {@link #fromHeaders(Map)} does.
   *
   * @throws IllegalArgumentException when an id is missing or malformed
   */
  public static SpanContext create(
      String traceId,
      String spanId,
      String parentSpanId,
      boolean sampled,
      Map<String, String> baggage) {
    String trace = normalizeTraceId(traceId);
    String span = normalizeSpanId(spanId);
    if (trace == null || span == null) {
      throw new IllegalArgumentException(
          "invalid span context: trace id needs 16 or 32 hex digits and span id 16, neither all zero");
    }
    String parent = parentSpanId == null ? null : normalizeSpanId(parentSpanId);
    if (parentSpanId != null && parent == null) {
      throw new IllegalArgumentException(
          "invalid span context: parent span id needs 16 hex digits");
    }
    return new SpanContext(trace, span, parent, sampled, copyBaggage(baggage));
  }

  static SpanContext ofValidated(
      String traceId,
      String spanId,
      String parentSpanId,
      boolean sampled,
      Map<String, String> baggage) {
    return new SpanContext(traceId, spanId, parentSpanId, sampled, baggage);
  }

  /** Returns the 32 lowercase hex digits of the trace id. */
  public String traceId() {
    return traceId;
  }

  /** Returns the 16 lowercase hex digits of the span id. */
  public String spanId() {
    return spanId;
  }

  /** Returns the parent's span id, or {@code null} for a root span. */
  public String parentSpanId() {
    return parentSpanId;
  }

  /** Returns whether spans of this trace are exported. */
  public boolean sampled() {
    return sampled;
  }

  /** Returns the baggage carried with the trace; unmodifiable. */
  public Map<String, String> baggage() {
    return baggage;
  }

  /** Returns {@code trace_id, span_id, parent_span_id, sampled, baggage} as a plain map. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("trace_id", traceId);
    map.put("span_id", spanId);
    map.put("parent_span_id", parentSpanId);
    map.put("sampled", sampled);
    map.put("baggage", new LinkedHashMap<>(baggage));
    return map;
  }

  /**
   * Reads a map written by {@link #toMap()}; {@code sampled} defaults to true, baggage to empty.
   *
   * @throws IllegalArgumentException when ids are missing or malformed
   */
  public static SpanContext fromMap(Map<String, ?> map) {
    Objects.requireNonNull(map, "map");
    Object sampled = map.get("sampled");
    return create(
        asString(map.get("trace_id")),
        asString(map.get("span_id")),
        asString(map.get("parent_span_id")),
        sampled == null || Boolean.parseBoolean(String.valueOf(sampled)),
        baggageOf(map.get("baggage")));
  }

  /** Returns the propagation headers: trace, span, sampled and, when present, parent span id. */
  public Map<String, String> toHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(TRACE_ID_HEADER, traceId);
    headers.put(SPAN_ID_HEADER, spanId);
    if (parentSpanId != null) {
      headers.put(PARENT_SPAN_ID_HEADER, parentSpanId);
    }
    headers.put(SAMPLED_HEADER, Boolean.toString(sampled));
    return headers;
  }

  /** Reads propagation headers (names in any case); empty when the ids are missing or malformed. */
  public static Optional<SpanContext> fromHeaders(Map<String, String> headers) {
    if (headers == null) {
      return Optional.empty();
    }
    return fromHeaders(name -> headerIgnoringCase(headers, name));
  }

  /**
   * Reads propagation headers through {@code getter}, which is asked for each header by its
   * canonical name and must itself ignore case; empty when the ids are missing or malformed.
   */
  public static Optional<SpanContext> fromHeaders(Function<String, String> getter) {
    if (getter == null) {
      return Optional.empty();
    }
    String traceId = normalizeTraceId(getter.apply(TRACE_ID_HEADER));
    String spanId = traceId == null ? null : normalizeSpanId(getter.apply(SPAN_ID_HEADER));
    if (spanId == null) {
      return Optional.empty(); // the usual request without a caller's trace: one header read
    }
    String parent = normalizeSpanId(getter.apply(PARENT_SPAN_ID_HEADER));
    boolean sampled = parseSampled(getter.apply(SAMPLED_HEADER));
    return Optional.of(new SpanContext(traceId, spanId, parent, sampled, Map.of()));
  }

  private static String headerIgnoringCase(Map<String, String> headers, String name) {
    String direct = headers.get(name);
    if (direct != null) {
      return direct;
    }
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (name.equalsIgnoreCase(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  // Unknown or malformed values keep the default, sampled.
  private static boolean parseSampled(String value) {
    if (value == null || value.length() > 5) {
      return true;
    }
    String v = value.trim();
    return !(v.equalsIgnoreCase("false") || v.equals("0"));
  }

  /** Returns the 32-digit lowercase form, or null when {@code raw} is not a valid trace id. */
  static String normalizeTraceId(String raw) {
    String id = trimmed(raw);
    if (id == null) {
      return null;
    }
    if (id.length() == 36) {
      id = undashUuid(id);
    } else if (id.length() == 16 && Ids.isHex(id, 16)) {
      id = "0000000000000000" + id;
    }
    if (id == null || !Ids.isHex(id, 32)) {
      return null;
    }
    return nonZero(id.toLowerCase(Locale.ROOT));
  }

  /** Returns the 16-digit lowercase form, or null when {@code raw} is not a valid span id. */
  static String normalizeSpanId(String raw) {
    String id = trimmed(raw);
    if (id == null || !Ids.isHex(id, 16)) {
      return null;
    }
    return nonZero(id.toLowerCase(Locale.ROOT));
  }

  private static String trimmed(String raw) {
    if (raw == null || raw.length() > MAX_HEADER_LENGTH) {
      return null;
    }
    int start = 0;
    int end = raw.length();
    while (start < end && isOptionalWhitespace(raw.charAt(start))) {
      start++;
    }
    while (end > start && isOptionalWhitespace(raw.charAt(end - 1))) {
      end--;
    }
    return start == end ? null : raw.substring(start, end);
  }

  // HTTP's optional whitespace only: a CR or LF anywhere makes the value invalid.
  private static boolean isOptionalWhitespace(char c) {
    return c == ' ' || c == '\t';
  }

  private static String undashUuid(String id) {
    for (int dash : new int[] {8, 13, 18, 23}) {
      if (id.charAt(dash) != '-') {
        return null;
      }
    }
    return id.substring(0, 8)
        + id.substring(9, 13)
        + id.substring(14, 18)
        + id.substring(19, 23)
        + id.substring(24);
  }

  private static String nonZero(String id) {
    for (int i = 0; i < id.length(); i++) {
      if (id.charAt(i) != '0') {
        return id;
      }
    }
    return null;
  }

  private static String asString(Object value) {
    return value == null ? null : value.toString();
  }

  private static Map<String, String> baggageOf(Object value) {
    if (!(value instanceof Map)) {
      return Map.of();
    }
    Map<String, String> baggage = new LinkedHashMap<>();
    ((Map<?, ?>) value).forEach((k, v) -> baggage.put(String.valueOf(k), String.valueOf(v)));
    return Collections.unmodifiableMap(baggage);
  }

  static Map<String, String> copyBaggage(Map<String, String> baggage) {
    if (baggage == null || baggage.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(baggage));
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SpanContext)) {
      return false;
    }
    SpanContext that = (SpanContext) o;
    return sampled == that.sampled
        && traceId.equals(that.traceId)
        && spanId.equals(that.spanId)
        && Objects.equals(parentSpanId, that.parentSpanId)
        && baggage.equals(that.baggage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(traceId, spanId, parentSpanId, sampled, baggage);
  }

  @Override
  public String toString() {
    return "SpanContext{traceId="
        + traceId
        + ", spanId="
        + spanId
        + ", parentSpanId="
        + parentSpanId
        + ", sampled="
        + sampled
        + '}';
  }
}

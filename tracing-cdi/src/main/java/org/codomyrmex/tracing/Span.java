package org.codomyrmex.tracing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.codomyrmex.tracing.internal.Ids;

/**
 * One timed operation of a trace, with attributes, events and a status; thread-safe.
 *
 * <p>A span is finished exactly once ({@link #finish()} or {@link #close()}); changes after that
 * are ignored. Finished spans are handed to their tracer's export pipeline. A span of a trace that
 * is not recorded ({@link #isRecording()} false) keeps its ids and propagates them, but stores
 * nothing and is never exported.
 *
 * <pre>{@code
 * try (Span span = tracer.span("load-order")) {
 *   span.setAttribute("order.id", 42L);
 *   span.addEvent("cache-miss");
 * }
 * }</pre>
 */
public abstract sealed class Span implements AutoCloseable permits RecordedSpan, UnrecordedSpan {
  private static final VarHandle NEXT;
  static final byte NOT_SCOPED = 0;
  static final byte SCOPE_OPEN = 1;
  static final byte SCOPE_CLOSED = 2;

  static {
    try {
      NEXT = MethodHandles.lookup().findVarHandle(Span.class, "next", Span.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final DefaultTracer tracer;
  private final String name;
  final long traceIdHigh;
  final long traceIdLow;
  final long spanId;
  final long parentSpanId;
  private final byte kind;
  final boolean sampled;
  // Set once, in the constructor, so a child may read it without a lock; null for none.
  private final Map<String, String> baggage;

  // Owned by the thread that made the span current.
  byte scopeState;
  Span previous;

  // Link of the export queue; written by producers, read by the export worker.
  @SuppressWarnings("unused")
  private Span next;

  Span(
      DefaultTracer tracer,
      String name,
      SpanKind kind,
      long traceIdHigh,
      long traceIdLow,
      long parentSpanId,
      boolean sampled,
      Map<String, String> baggage) {
    this.tracer = tracer;
    this.name = name == null ? "unnamed" : name;
    this.kind = (byte) (kind == null ? SpanKind.INTERNAL : kind).ordinal();
    this.traceIdHigh = traceIdHigh;
    this.traceIdLow = traceIdLow;
    this.spanId = Ids.randomNonZero();
    this.parentSpanId = parentSpanId;
    this.sampled = sampled;
    this.baggage = baggage.isEmpty() ? null : baggage;
  }

  /** A span that records nothing: what a disabled tracer hands out. */
  static Span noop() {
    UnrecordedSpan span = new UnrecordedSpan(null, "noop", SpanKind.INTERNAL, 0, 1, 0, Map.of());
    span.finish();
    return span;
  }

  /** Returns the operation name. */
  public final String name() {
    return name;
  }

  /** Returns the propagation context of this span. */
  public final SpanContext context() {
    return SpanContext.ofValidated(traceId(), spanId(), parentSpanId(), sampled, baggage());
  }

  /** Returns the 32 lowercase hex digits of the trace id. */
  public final String traceId() {
    return Ids.hex(traceIdHigh, traceIdLow);
  }

  /** Returns the 16 lowercase hex digits of this span's id. */
  public final String spanId() {
    return Ids.hex(spanId);
  }

  /** Returns the parent's span id, or {@code null} for a root span. */
  public final String parentSpanId() {
    return parentSpanId == 0 ? null : Ids.hex(parentSpanId);
  }

  /** Returns the span kind. */
  public final SpanKind kind() {
    return SpanKind.ofOrdinal(kind);
  }

  /** Returns the tracer that created this span, or {@code null} for a span of a disabled tracer. */
  public final Tracer tracer() {
    return tracer;
  }

  /**
   * Returns whether the span is recorded (its trace was sampled); an unrecorded span keeps its ids
   * and propagates them, but stores no attributes, events or status and is never exported.
   */
  public final boolean isRecording() {
    return sampled;
  }

  /** Returns the status, {@link SpanStatus#UNSET} until one is set. */
  public abstract SpanStatus status();

  /** Returns the status message, or {@code null} when none was given. */
  public abstract String statusMessage();

  /** Returns a snapshot of the attributes, {@code service.name} first. */
  public abstract Map<String, Object> attributes();

  /**
   * Returns the value of the attribute {@code key}, or {@code null}; cheaper than {@link
   * #attributes()} for one value.
   */
  public Object attribute(String key) {
    return key == null ? null : attributes().get(key);
  }

  /**
   * Gives each attribute to {@code action} in the order of {@link #attributes()}, without copying
   * them into a map: what exporters use.
   *
   * <pre>{@code
   * span.forEachAttribute((key, value) -> out.println(key + "=" + value));
   * }</pre>
   */
  public void forEachAttribute(BiConsumer<String, Object> action) {
    if (action != null) {
      attributes().forEach(action);
    }
  }

  /** Returns a snapshot of the events in the order they were added. */
  public abstract List<Event> events();

  /** Returns the start time in epoch seconds, with microsecond precision (0 when unrecorded). */
  public final double startTime() {
    return startEpochNanos() / 1e9;
  }

  /** Returns the end time in epoch seconds, or {@code 0} while the span is not finished. */
  public final double endTime() {
    return endEpochNanos() / 1e9;
  }

  /** Returns the start time in nanoseconds since the epoch (0 for an unrecorded span). */
  public abstract long startEpochNanos();

  /** Returns the end time in nanoseconds since the epoch, or {@code 0} while not finished. */
  public abstract long endEpochNanos();

  /** Returns the time from start to finish, or {@link Duration#ZERO} while not finished. */
  public final Duration duration() {
    long end = endEpochNanos();
    return end == 0 ? Duration.ZERO : Duration.ofNanos(end - startEpochNanos());
  }

  /** Returns whether {@link #finish()} was called. */
  public abstract boolean isFinished();

  Map<String, String> inheritedBaggage() {
    return baggage == null ? Map.of() : baggage;
  }

  /** Returns the baggage inherited from the parent context; unmodifiable. */
  public final Map<String, String> baggage() {
    return inheritedBaggage();
  }

  /** Sets an attribute; values other than strings, numbers, booleans and lists become strings. */
  public final Span setAttribute(String key, Object value) {
    return sampled ? put(key, AttributeValues.normalize(value)) : this;
  }

  /** Sets a string attribute. */
  public final Span setAttribute(String key, String value) {
    return sampled ? put(key, value) : this;
  }

  /** Sets an integer attribute. */
  public final Span setAttribute(String key, long value) {
    return sampled ? put(key, value) : this; // boxed only for a recorded span
  }

  /** Sets a floating-point attribute. */
  public final Span setAttribute(String key, double value) {
    return sampled ? put(key, value) : this;
  }

  /** Sets a boolean attribute. */
  public final Span setAttribute(String key, boolean value) {
    return sampled ? put(key, value) : this;
  }

  /** Sets every entry of {@code attributes} as an attribute. */
  public final Span setAttributes(Map<String, ?> attributes) {
    if (attributes != null && sampled) {
      attributes.forEach(this::setAttribute);
    }
    return this;
  }

  /** Adds a timestamped event without attributes. */
  public final Span addEvent(String name) {
    return addEvent(name, null);
  }

  /** Adds a timestamped event with attributes. */
  public abstract Span addEvent(String name, Map<String, ?> attributes);

  /** Sets the status and clears the message. */
  public final Span setStatus(SpanStatus status) {
    return setStatus(status, null);
  }

  /** Sets the status with a message ({@code null} for none). */
  public abstract Span setStatus(SpanStatus status, String message);

  /**
   * Records {@code error} as an {@code exception} event (type, message, stack trace) and sets the
   * status to {@link SpanStatus#ERROR} with its message.
   */
  public abstract Span recordException(Throwable error);

  /** Ends the span and hands it to the export pipeline; later calls do nothing. */
  public abstract void finish();

  /** Finishes the span and, if {@link Tracer#span} made it current, restores the previous one. */
  @Override
  public final void close() {
    finish();
    if (scopeState == SCOPE_OPEN) {
      CurrentSpan.closeScopedSpan(this);
    }
  }

  /** Makes this span current on this thread until the returned scope is closed. */
  public final Scope makeCurrent() {
    return CurrentSpan.attach(this);
  }

  /** Returns the span as plain maps, lists, strings and numbers in the contract's JSON shape. */
  public abstract Map<String, Object> toMap();

  @Override
  public String toString() {
    return "Span{name=" + name + ", traceId=" + traceId() + ", spanId=" + spanId() + '}';
  }

  /** Stores one attribute of a recorded span; key or value {@code null} is ignored. */
  abstract Span put(String key, Object value);

  // The identity half of the JSON shape, shared by both kinds of span.
  final Map<String, Object> identityMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", name);
    map.put("trace_id", traceId());
    map.put("span_id", spanId());
    map.put("parent_span_id", parentSpanId());
    map.put("kind", SpanKind.ofOrdinal(kind).wireName());
    return map;
  }

  // Export queue links, used by BatchingSpanProcessor.
  Span nextAcquire() {
    return (Span) NEXT.getAcquire(this);
  }

  void linkRelease(Span successor) {
    NEXT.setRelease(this, successor);
  }

  static BigDecimal epochSeconds(long epochNanos) {
    return BigDecimal.valueOf(epochNanos / 1_000, 6);
  }

  // From whole microseconds, so that end_time - start_time equals duration_ms exactly.
  static BigDecimal millis(long micros) {
    return BigDecimal.valueOf(micros, 3);
  }

  /** A timestamped annotation of a span; immutable. */
  public static final class Event {
    private final String name;
    private final long epochNanos;
    private final Map<String, Object> attributes;

    Event(String name, long epochNanos, Map<String, Object> attributes) {
      this.name = name;
      this.epochNanos = epochNanos;
      this.attributes = attributes == null ? Map.of() : attributes;
    }

    /** Returns the event name. */
    public String name() {
      return name;
    }

    /** Returns the time of the event in epoch seconds, with microsecond precision. */
    public double timestamp() {
      return epochNanos / 1e9;
    }

    /** Returns the time of the event in nanoseconds since the epoch. */
    public long epochNanos() {
      return epochNanos;
    }

    /** Returns the event attributes; unmodifiable. */
    public Map<String, Object> attributes() {
      return attributes;
    }

    /** Returns {@code {name, timestamp, attributes}} as plain maps. */
    public Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("name", name);
      map.put("timestamp", epochSeconds(epochNanos));
      map.put("attributes", new LinkedHashMap<>(attributes));
      return map;
    }

    @Override
    public String toString() {
      return "Event{name=" + name + ", attributes=" + attributes + '}';
    }
  }
}

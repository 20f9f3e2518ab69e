package org.codomyrmex.tracing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.codomyrmex.tracing.internal.Ids;

/**
 * One timed operation of a trace, with attributes, events and a status; thread-safe.
 *
 * <p>A span is finished exactly once ({@link #finish()} or {@link #close()}); changes after that
 * are ignored. Finished spans are handed to their tracer's export pipeline.
 *
 * <pre>{@code
 * try (Span span = tracer.span("load-order")) {
 *   span.setAttribute("order.id", 42L);
 *   span.addEvent("cache-miss");
 * }
 * }</pre>
 */
public final class Span implements AutoCloseable {
  private static final VarHandle LOCK;
  private static final VarHandle NEXT;
  private static final int MAX_ATTRIBUTES = 128;
  private static final int MAX_EVENTS = 128;
  static final byte NOT_SCOPED = 0;
  static final byte SCOPE_OPEN = 1;
  static final byte SCOPE_CLOSED = 2;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      LOCK = lookup.findVarHandle(Span.class, "lock", int.class);
      NEXT = lookup.findVarHandle(Span.class, "next", Span.class);
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
  private final long startNanos;
  private final byte kind;
  final boolean sampled;

  // Guarded by the lock, except where noted.
  private int lock;
  private boolean finished;
  private byte status;
  private long endNanos;
  // The first two attributes live in fields: most spans have few, and this saves an array.
  private String key0;
  private Object value0;
  private String key1;
  private Object value1;
  // Likewise the first event.
  private String eventName;
  private long eventNanos;
  private Map<String, Object> eventAttributes;
  private Extras extras;

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
      Map<String, String> baggage,
      long startNanos) {
    this.tracer = tracer;
    this.name = name == null ? "unnamed" : name;
    this.kind = (byte) (kind == null ? SpanKind.INTERNAL : kind).ordinal();
    this.traceIdHigh = traceIdHigh;
    this.traceIdLow = traceIdLow;
    this.spanId = Ids.randomNonZero();
    this.parentSpanId = parentSpanId;
    this.sampled = sampled;
    this.startNanos = startNanos;
    if (!baggage.isEmpty()) {
      extras().baggage = baggage;
    }
  }

  /** A span that records nothing: what a disabled tracer hands out. */
  static Span noop() {
    Span span = new Span(null, "noop", SpanKind.INTERNAL, 0, 1, 0, false, Map.of(), 0);
    span.finished = true;
    return span;
  }

  /** Returns the operation name. */
  public String name() {
    return name;
  }

  /** Returns the propagation context of this span. */
  public SpanContext context() {
    return SpanContext.ofValidated(traceId(), spanId(), parentSpanId(), sampled, baggage());
  }

  /** Returns the 32 lowercase hex digits of the trace id. */
  public String traceId() {
    return Ids.hex(traceIdHigh, traceIdLow);
  }

  /** Returns the 16 lowercase hex digits of this span's id. */
  public String spanId() {
    return Ids.hex(spanId);
  }

  /** Returns the parent's span id, or {@code null} for a root span. */
  public String parentSpanId() {
    return parentSpanId == 0 ? null : Ids.hex(parentSpanId);
  }

  /** Returns the span kind. */
  public SpanKind kind() {
    return SpanKind.ofOrdinal(kind);
  }

  /** Returns the tracer that created this span, or {@code null} for a span of a disabled tracer. */
  public Tracer tracer() {
    return tracer;
  }

  /**
   * Returns whether the span is recorded (its trace was sampled); an unrecorded span keeps its ids
   * and propagates them, but stores no attributes, events or status and is never exported.
   */
  public boolean isRecording() {
    return sampled;
  }

  /** Returns the status, {@link SpanStatus#UNSET} until one is set. */
  public SpanStatus status() {
    lock();
    try {
      return SpanStatus.ofOrdinal(status);
    } finally {
      unlock();
    }
  }

  /** Returns the status message, or {@code null} when none was given. */
  public String statusMessage() {
    lock();
    try {
      return extras == null ? null : extras.statusMessage;
    } finally {
      unlock();
    }
  }

  /** Returns a snapshot of the attributes, {@code service.name} first. */
  public Map<String, Object> attributes() {
    lock();
    try {
      return Collections.unmodifiableMap(attributesLocked());
    } finally {
      unlock();
    }
  }

  /** Returns a snapshot of the events in the order they were added. */
  public List<Event> events() {
    lock();
    try {
      return Collections.unmodifiableList(eventsLocked());
    } finally {
      unlock();
    }
  }

  /** Returns the start time in epoch seconds, with microsecond precision. */
  public double startTime() {
    return startNanos / 1e9;
  }

  /** Returns the end time in epoch seconds, or {@code 0} while the span is not finished. */
  public double endTime() {
    return endEpochNanos() / 1e9;
  }

  /** Returns the start time in nanoseconds since the epoch. */
  public long startEpochNanos() {
    return startNanos;
  }

  /** Returns the end time in nanoseconds since the epoch, or {@code 0} while not finished. */
  public long endEpochNanos() {
    lock();
    try {
      return endNanos;
    } finally {
      unlock();
    }
  }

  /** Returns the time from start to finish, or {@link Duration#ZERO} while not finished. */
  public Duration duration() {
    long end = endEpochNanos();
    return end == 0 ? Duration.ZERO : Duration.ofNanos(end - startNanos);
  }

  /** Returns whether {@link #finish()} was called. */
  public boolean isFinished() {
    lock();
    try {
      return finished;
    } finally {
      unlock();
    }
  }

  // Baggage is set once, in the constructor, so a child may read it without the lock.
  Map<String, String> inheritedBaggage() {
    Extras x = extras;
    Map<String, String> baggage = x == null ? null : x.baggage;
    return baggage == null ? Map.of() : baggage;
  }

  /** Returns the baggage inherited from the parent context; unmodifiable. */
  public Map<String, String> baggage() {
    lock();
    try {
      return extras == null || extras.baggage == null ? Map.of() : extras.baggage;
    } finally {
      unlock();
    }
  }

  /** Sets an attribute; values other than strings, numbers, booleans and lists become strings. */
  public Span setAttribute(String key, Object value) {
    return sampled ? put(key, AttributeValues.normalize(value)) : this;
  }

  /** Sets a string attribute. */
  public Span setAttribute(String key, String value) {
    return put(key, value);
  }

  /** Sets an integer attribute. */
  public Span setAttribute(String key, long value) {
    return put(key, value);
  }

  /** Sets a floating-point attribute. */
  public Span setAttribute(String key, double value) {
    return put(key, value);
  }

  /** Sets a boolean attribute. */
  public Span setAttribute(String key, boolean value) {
    return put(key, value);
  }

  /** Sets every entry of {@code attributes} as an attribute. */
  public Span setAttributes(Map<String, ?> attributes) {
    if (attributes != null) {
      attributes.forEach(this::setAttribute);
    }
    return this;
  }

  /** Adds a timestamped event without attributes. */
  public Span addEvent(String name) {
    return addEvent(name, null);
  }

  /** Adds a timestamped event with attributes. */
  public Span addEvent(String name, Map<String, ?> attributes) {
    if (name == null || !sampled) {
      return this;
    }
    long now = tracer.clock.nowEpochNanos();
    Map<String, Object> copy = AttributeValues.copy(attributes);
    lock();
    try {
      if (!finished) {
        storeEvent(name, now, copy);
      }
    } finally {
      unlock();
    }
    return this;
  }

  /** Sets the status and clears the message. */
  public Span setStatus(SpanStatus status) {
    return setStatus(status, null);
  }

  /** Sets the status with a message ({@code null} for none). */
  public Span setStatus(SpanStatus status, String message) {
    if (status == null || !sampled) {
      return this;
    }
    lock();
    try {
      if (!finished) {
        this.status = (byte) status.ordinal();
        if (message != null || extras != null) {
          extras().statusMessage = message;
        }
      }
    } finally {
      unlock();
    }
    return this;
  }

  /**
   * Records {@code error} as an {@code exception} event (type, message, stack trace) and sets the
   * status to {@link SpanStatus#ERROR} with its message.
   */
  public Span recordException(Throwable error) {
    if (error == null || !sampled) {
      return this;
    }
    addEvent("exception", AttributeValues.exception(error));
    String message = error.getMessage();
    return setStatus(SpanStatus.ERROR, message == null ? error.getClass().getName() : message);
  }

  /** Ends the span and hands it to the export pipeline; later calls do nothing. */
  public void finish() {
    if (!sampled) {
      finishUnrecorded();
      return;
    }
    long end = tracer.clock.nowEpochNanos();
    boolean first;
    lock();
    try {
      first = !finished;
      if (first) {
        finished = true;
        endNanos = Math.max(end, startNanos);
      }
    } finally {
      unlock();
    }
    if (first) {
      tracer.onFinish(this);
    }
  }

  // A span that is not recorded keeps no end time and is never exported.
  private void finishUnrecorded() {
    lock();
    finished = true;
    unlock();
  }

  /** Finishes the span and, if {@link Tracer#span} made it current, restores the previous one. */
  @Override
  public void close() {
    finish();
    if (scopeState == SCOPE_OPEN) {
      CurrentSpan.closeScopedSpan(this);
    }
  }

  /** Makes this span current on this thread until the returned scope is closed. */
  public Scope makeCurrent() {
    return CurrentSpan.attach(this);
  }

  /** Returns the span as plain maps, lists, strings and numbers in the contract's JSON shape. */
  public Map<String, Object> toMap() {
    lock();
    try {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("name", name);
      map.put("trace_id", traceId());
      map.put("span_id", spanId());
      map.put("parent_span_id", parentSpanId());
      map.put("kind", SpanKind.ofOrdinal(kind).wireName());
      map.put("status", SpanStatus.ofOrdinal(status).wireName());
      map.put("status_message", extras == null ? null : extras.statusMessage);
      map.put("start_time", epochSeconds(startNanos));
      map.put("end_time", finished ? epochSeconds(endNanos) : null);
      map.put("duration_ms", finished ? millis(endNanos / 1_000 - startNanos / 1_000) : null);
      map.put("attributes", attributesLocked());
      map.put("events", eventMapsLocked());
      return map;
    } finally {
      unlock();
    }
  }

  @Override
  public String toString() {
    return "Span{name=" + name + ", traceId=" + traceId() + ", spanId=" + spanId() + '}';
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

  private Span put(String key, Object value) {
    if (key == null || value == null || !sampled) {
      return this;
    }
    lock();
    try {
      if (!finished) {
        storeAttribute(key, value);
      }
    } finally {
      unlock();
    }
    return this;
  }

  private void storeAttribute(String key, Object value) {
    if (key0 == null || key0.equals(key)) {
      key0 = key;
      value0 = value;
    } else if (key1 == null || key1.equals(key)) {
      key1 = key;
      value1 = value;
    } else {
      storeMoreAttribute(key, value);
    }
  }

  private void storeMoreAttribute(String key, Object value) {
    Extras x = extras();
    for (int i = 0; i < x.moreAttributeCount; i++) {
      if (x.moreAttributes[2 * i].equals(key)) {
        x.moreAttributes[2 * i + 1] = value;
        return;
      }
    }
    if (x.moreAttributeCount + 2 >= MAX_ATTRIBUTES) {
      return; // bounded: a runaway loop must not exhaust memory
    }
    if (x.moreAttributes == null) {
      x.moreAttributes = new Object[16]; // room for the eight more a server span has
    } else if (x.moreAttributes.length == 2 * x.moreAttributeCount) {
      x.moreAttributes = Arrays.copyOf(x.moreAttributes, x.moreAttributes.length * 2);
    }
    x.moreAttributes[2 * x.moreAttributeCount] = key;
    x.moreAttributes[2 * x.moreAttributeCount + 1] = value;
    x.moreAttributeCount++;
  }

  private void storeEvent(String name, long nanos, Map<String, Object> attributes) {
    if (eventName == null) {
      eventName = name;
      eventNanos = nanos;
      eventAttributes = attributes;
      return;
    }
    Extras x = extras();
    if (x.events == null) {
      x.events = new ArrayList<>(4);
    }
    if (x.events.size() + 1 < MAX_EVENTS) {
      x.events.add(new Event(name, nanos, attributes));
    }
  }

  private Map<String, Object> attributesLocked() {
    Map<String, Object> map = new LinkedHashMap<>();
    if (tracer != null) {
      map.put("service.name", tracer.serviceName());
    }
    if (key0 != null) {
      map.put(key0, value0);
    }
    if (key1 != null) {
      map.put(key1, value1);
    }
    if (extras != null) {
      for (int i = 0; i < extras.moreAttributeCount; i++) {
        map.put((String) extras.moreAttributes[2 * i], extras.moreAttributes[2 * i + 1]);
      }
    }
    return map;
  }

  private List<Event> eventsLocked() {
    List<Event> list = new ArrayList<>();
    if (eventName != null) {
      list.add(new Event(eventName, eventNanos, eventAttributes));
    }
    if (extras != null && extras.events != null) {
      list.addAll(extras.events);
    }
    return list;
  }

  private List<Map<String, Object>> eventMapsLocked() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Event event : eventsLocked()) {
      list.add(event.toMap());
    }
    return list;
  }

  private Extras extras() {
    if (extras == null) {
      extras = new Extras();
    }
    return extras;
  }

  private void lock() {
    if (!LOCK.compareAndSet(this, 0, 1)) {
      spin();
    }
  }

  private void spin() {
    while (!LOCK.compareAndSet(this, 0, 1)) {
      Thread.onSpinWait();
    }
  }

  private void unlock() {
    LOCK.setRelease(this, 0);
  }

  // Less common state, kept out of the span: a span with two attributes and one event is 128 bytes.
  private static final class Extras {
    Object[] moreAttributes;
    int moreAttributeCount;
    String statusMessage;
    Map<String, String> baggage;
    List<Event> events;
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

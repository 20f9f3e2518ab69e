package org.codomyrmex.tracing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** A span of a recorded trace: its state behind a small spin lock, exported when finished. */
final class RecordedSpan extends Span {
  private static final VarHandle LOCK;
  private static final int MAX_ATTRIBUTES = 128;
  private static final int MAX_EVENTS = 128;
  private static final String SERVICE_NAME = "service.name";

  static {
    try {
      LOCK = MethodHandles.lookup().findVarHandle(RecordedSpan.class, "lock", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final long startNanos;

  // Guarded by the lock.
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

  RecordedSpan(
      DefaultTracer tracer,
      String name,
      SpanKind kind,
      long traceIdHigh,
      long traceIdLow,
      long parentSpanId,
      Map<String, String> baggage,
      long startNanos) {
    super(tracer, name, kind, traceIdHigh, traceIdLow, parentSpanId, true, baggage);
    this.startNanos = startNanos;
  }

  @Override
  public SpanStatus status() {
    lock();
    try {
      return SpanStatus.ofOrdinal(status);
    } finally {
      unlock();
    }
  }

  @Override
  public String statusMessage() {
    lock();
    try {
      return extras == null ? null : extras.statusMessage;
    } finally {
      unlock();
    }
  }

  @Override
  public Map<String, Object> attributes() {
    lock();
    try {
      return Collections.unmodifiableMap(attributesLocked());
    } finally {
      unlock();
    }
  }

  @Override
  public Object attribute(String key) {
    if (key == null) {
      return null;
    }
    lock();
    try {
      Object value = attributeLocked(key);
      if (value == null && SERVICE_NAME.equals(key) && tracer != null) {
        return tracer.serviceName();
      }
      return value;
    } finally {
      unlock();
    }
  }

  @Override
  public void forEachAttribute(BiConsumer<String, Object> action) {
    if (action == null) {
      return;
    }
    Object[] copy;
    lock();
    try {
      copy = attributeArrayLocked();
    } finally {
      unlock();
    }
    // Outside the lock: the action may call back into this span.
    for (int i = 0; i < copy.length; i += 2) {
      if (copy[i] != null) {
        action.accept((String) copy[i], copy[i + 1]);
      }
    }
  }

  @Override
  public List<Span.Event> events() {
    lock();
    try {
      return Collections.unmodifiableList(eventsLocked());
    } finally {
      unlock();
    }
  }

  @Override
  public long startEpochNanos() {
    return startNanos;
  }

  @Override
  public long endEpochNanos() {
    lock();
    try {
      return endNanos;
    } finally {
      unlock();
    }
  }

  @Override
  public boolean isFinished() {
    lock();
    try {
      return finished;
    } finally {
      unlock();
    }
  }

  @Override
  public Span addEvent(String name, Map<String, ?> attributes) {
    if (name == null) {
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

  @Override
  public Span setStatus(SpanStatus status, String message) {
    if (status == null) {
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

  @Override
  public Span recordException(Throwable error) {
    if (error == null) {
      return this;
    }
    addEvent("exception", AttributeValues.exception(error));
    String message = error.getMessage();
    return setStatus(SpanStatus.ERROR, message == null ? error.getClass().getName() : message);
  }

  @Override
  public void finish() {
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

  @Override
  public Map<String, Object> toMap() {
    lock();
    try {
      Map<String, Object> map = identityMap();
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
  Span put(String key, Object value) {
    if (key == null || value == null) {
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
      x.events.add(new Span.Event(name, nanos, attributes));
    }
  }

  private Object attributeLocked(String key) {
    if (key.equals(key0)) {
      return value0;
    }
    if (key.equals(key1)) {
      return value1;
    }
    if (extras != null) {
      for (int i = 0; i < extras.moreAttributeCount; i++) {
        if (key.equals(extras.moreAttributes[2 * i])) {
          return extras.moreAttributes[2 * i + 1];
        }
      }
    }
    return null;
  }

  // Keys and values in turn, service.name first (the tracer's unless set); a null key is a gap.
  private Object[] attributeArrayLocked() {
    int more = extras == null ? 0 : extras.moreAttributeCount;
    Object[] array = new Object[2 * (3 + more)];
    if (tracer != null) {
      array[0] = SERVICE_NAME;
      array[1] = tracer.serviceName();
    }
    putIntoArray(array, 2, key0, value0);
    putIntoArray(array, 4, key1, value1);
    for (int i = 0; i < more; i++) {
      putIntoArray(
          array,
          6 + 2 * i,
          (String) extras.moreAttributes[2 * i],
          extras.moreAttributes[2 * i + 1]);
    }
    return array;
  }

  private static void putIntoArray(Object[] array, int index, String key, Object value) {
    if (SERVICE_NAME.equals(key)) {
      array[0] = key;
      array[1] = value;
    } else {
      array[index] = key;
      array[index + 1] = value;
    }
  }

  private Map<String, Object> attributesLocked() {
    Object[] array = attributeArrayLocked();
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < array.length; i += 2) {
      if (array[i] != null) {
        map.put((String) array[i], array[i + 1]);
      }
    }
    return map;
  }

  private List<Span.Event> eventsLocked() {
    List<Span.Event> list = new ArrayList<>();
    if (eventName != null) {
      list.add(new Span.Event(eventName, eventNanos, eventAttributes));
    }
    if (extras != null && extras.events != null) {
      list.addAll(extras.events);
    }
    return list;
  }

  private List<Map<String, Object>> eventMapsLocked() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Span.Event event : eventsLocked()) {
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

  // Less common state, kept out of the span: a span with two attributes and one event is small.
  private static final class Extras {
    Object[] moreAttributes;
    int moreAttributeCount;
    String statusMessage;
    List<Span.Event> events;
  }
}

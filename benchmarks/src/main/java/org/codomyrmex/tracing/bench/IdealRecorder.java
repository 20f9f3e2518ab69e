package org.codomyrmex.tracing.bench;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The floor: the least a span recorder can do for the benchmarked work. Random ids from {@link
 * ThreadLocalRandom}, one clock read per timestamp (start, event, end), one object per span, a
 * thread-local push/pop for "current", two attributes and one event stored in fields, and a counter
 * as the sink. Not a tracer: no sampling, no export pipeline, no thread safety per span.
 */
public final class IdealRecorder {
  private static final ThreadLocal<IdealSpan> CURRENT = new ThreadLocal<>();
  // epoch anchor taken once, so each timestamp is a single System.nanoTime() read
  private static final long EPOCH_NANOS = System.currentTimeMillis() * 1_000_000L;
  private static final long NANO_ANCHOR = System.nanoTime();

  private long recorded;
  // the sink keeps the last span, so that spans escape as they do in a real recorder
  private IdealSpan last;

  static long now() {
    return EPOCH_NANOS + (System.nanoTime() - NANO_ANCHOR);
  }

  /** Starts a root span and pushes it as the current one on this thread. */
  public IdealSpan startCurrent(String name) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    IdealSpan previous = CURRENT.get();
    IdealSpan span =
        new IdealSpan(name, random.nextLong(), random.nextLong(), random.nextLong(), 0L, previous);
    CURRENT.set(span);
    return span;
  }

  /** Starts a child of {@code parent} without making it current. */
  public IdealSpan startChild(String name, IdealSpan parent) {
    long spanId = ThreadLocalRandom.current().nextLong();
    return new IdealSpan(name, parent.traceHigh, parent.traceLow, spanId, parent.spanId, null);
  }

  /** Ends a span made current by {@link #startCurrent} and pops it. */
  public void endCurrent(IdealSpan span) {
    end(span);
    CURRENT.set(span.previous);
  }

  /** Ends a span and hands it to the sink. */
  public void end(IdealSpan span) {
    span.endNanos = now();
    recorded++;
    last = span;
  }

  /** Returns how many spans were recorded by this instance. */
  public long recorded() {
    return recorded;
  }

  /** One recorded span: every field inline, one allocation. */
  public static final class IdealSpan {
    final String name;
    final long traceHigh;
    final long traceLow;
    final long spanId;
    final long parentId;
    final IdealSpan previous;
    final long startNanos;
    long endNanos;
    String key1;
    String value1;
    String key2;
    long value2;
    String eventName;
    long eventNanos;

    IdealSpan(
        String name,
        long traceHigh,
        long traceLow,
        long spanId,
        long parentId,
        IdealSpan previous) {
      this.name = name;
      this.traceHigh = traceHigh;
      this.traceLow = traceLow;
      this.spanId = spanId;
      this.parentId = parentId;
      this.previous = previous;
      this.startNanos = now();
    }

    /** Sets the first (string) attribute. */
    public IdealSpan attribute(String key, String value) {
      key1 = key;
      value1 = value;
      return this;
    }

    /** Sets the second (long) attribute. */
    public IdealSpan attribute(String key, long value) {
      key2 = key;
      value2 = value;
      return this;
    }

    /** Records the single event. */
    public IdealSpan event(String name) {
      eventName = name;
      eventNanos = now();
      return this;
    }
  }
}

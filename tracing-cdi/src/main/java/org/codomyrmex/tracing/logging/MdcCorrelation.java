package org.codomyrmex.tracing.logging;

import java.util.List;
import org.codomyrmex.tracing.CurrentSpanListener;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.internal.Ids;

/**
 * Service provider, not called by applications: keeps {@code trace_id} and {@code span_id} of the
 * span current on each thread in every logging MDC present (JBoss Logging, SLF4J, Log4j 2).
 *
 * <p>A thread's first span saves what the MDC held under the two keys (usually nothing); spans
 * nested in it overwrite the ids; when the thread is left with no span the saved values are put
 * back (ids another thread's span left there through an inheriting MDC are removed instead). Spans
 * of a disabled tracer count as no span; unrecorded (unsampled) spans are written, since their ids
 * are real and propagated.
 *
 * <pre>{@code
 * try (Span span = tracer.span("charge")) {
 *   log.info("charging");   // %X{trace_id} and %X{span_id} show this span's ids
 * }
 * }</pre>
 */
public final class MdcCorrelation implements CurrentSpanListener {
  static final String TRACE_ID = "trace_id";
  static final String SPAN_ID = "span_id";

  private final MdcBackend[] backends;
  // Only threads whose MDC held the keys before their first span have an entry.
  private final ThreadLocal<Object[]> applicationValues = new ThreadLocal<>();
  private volatile boolean anyApplicationValues;

  /** Creates the listener for the MDCs visible to the library's class loader. */
  public MdcCorrelation() {
    this(MdcBackends.detect(MdcCorrelation.class.getClassLoader()));
  }

  MdcCorrelation(List<MdcBackend> backends) {
    this.backends = backends.toArray(new MdcBackend[0]);
  }

  /** Returns whether any logging MDC is present. */
  @Override
  public boolean isActive() {
    return backends.length > 0;
  }

  /** Writes the ids of {@code current} into every MDC, or puts back what was there before. */
  @Override
  public void currentSpanChanged(Span previous, Span current) {
    Span from = correlated(previous);
    Span to = correlated(current);
    if (from == to) {
      return;
    }
    if (to == null) {
      restoreApplicationValues();
      return;
    }
    if (from == null) {
      enter(to.traceId(), to.spanId());
    } else {
      write(to.traceId(), to.spanId());
    }
  }

  private static Span correlated(Span span) {
    return span == null || span.tracer() == null ? null : span;
  }

  private void write(String traceId, String spanId) {
    for (MdcBackend backend : backends) {
      backend.put(TRACE_ID, traceId);
      backend.put(SPAN_ID, spanId);
    }
  }

  /** Writes the ids of a thread's first span, keeping what the application had under the keys. */
  private void enter(String traceId, String spanId) {
    Object[] saved = null;
    for (int i = 0; i < backends.length; i++) {
      Object ownTraceId = backends[i].swap(TRACE_ID, traceId);
      Object ownSpanId = backends[i].swap(SPAN_ID, spanId);
      if ((ownTraceId != null || ownSpanId != null) && !leftBySpan(ownTraceId, ownSpanId)) {
        if (saved == null) {
          saved = new Object[2 * backends.length];
        }
        saved[2 * i] = ownTraceId;
        saved[2 * i + 1] = ownSpanId;
      }
    }
    if (saved != null) {
      anyApplicationValues = true;
      applicationValues.set(saved);
    }
  }

  /**
   * Ids in the shape this listener writes were left by a span of another thread, not set by the
   * application: JBoss LogManager copies the MDC into the threads a thread starts, so a pool thread
   * started inside a span inherits its ids. They are removed, not restored, after the first span.
   */
  private static boolean leftBySpan(Object traceId, Object spanId) {
    return traceId instanceof String trace
        && spanId instanceof String span
        && Ids.isHex(trace, 32)
        && Ids.isHex(span, 16);
  }

  private void restoreApplicationValues() {
    Object[] saved = anyApplicationValues ? applicationValues.get() : null;
    if (saved != null) {
      applicationValues.remove();
    }
    for (int i = 0; i < backends.length; i++) {
      restore(backends[i], TRACE_ID, saved == null ? null : saved[2 * i]);
      restore(backends[i], SPAN_ID, saved == null ? null : saved[2 * i + 1]);
    }
  }

  private static void restore(MdcBackend backend, String key, Object value) {
    if (value == null) {
      backend.remove(key);
    } else {
      backend.put(key, value);
    }
  }
}

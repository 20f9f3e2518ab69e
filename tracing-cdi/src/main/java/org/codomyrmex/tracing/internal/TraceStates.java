package org.codomyrmex.tracing.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Not API: the W3C {@code tracestate} last received for each trace, so that outgoing requests of
 * the same trace carry it on.
 *
 * <p>Kept beside {@code SpanContext} rather than in it: {@code tracestate} is opaque vendor data of
 * the W3C format only, and it must not leak into baggage or the context's equality. Bounded: the
 * least recently used traces are forgotten first.
 */
final class TraceStates {
  private static final int MAX_TRACES = 4096;

  // Guarded by itself.
  private final Map<String, String> byTraceId =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > MAX_TRACES;
        }
      };

  /** Remembers {@code traceState} for {@code traceId}; an empty one forgets it. */
  void remember(String traceId, String traceState) {
    synchronized (byTraceId) {
      if (traceState == null || traceState.isEmpty()) {
        byTraceId.remove(traceId);
      } else {
        byTraceId.put(traceId, traceState);
      }
    }
  }

  /** Returns the {@code tracestate} received for {@code traceId}, if any. */
  Optional<String> lookup(String traceId) {
    synchronized (byTraceId) {
      return Optional.ofNullable(byTraceId.get(traceId));
    }
  }
}

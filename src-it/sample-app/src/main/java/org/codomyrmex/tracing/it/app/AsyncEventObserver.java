package org.codomyrmex.tracing.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;

/**
 * Observes {@link WorkAnnounced} asynchronously: makes span {@code event-observed}, tagged with the
 * firing trace so that a test finds it even when it starts a trace of its own.
 */
@ApplicationScoped
public class AsyncEventObserver {
  @Inject Tracer tracer;

  void observe(@ObservesAsync WorkAnnounced event) {
    try (Span span = tracer.span("event-observed")) {
      String thread = Thread.currentThread().getName();
      span.setAttribute("caller.trace_id", event.callerTraceId());
      span.setAttribute("thread.name", thread);
      event.observed(String.valueOf(span.parentSpanId()), thread);
    }
  }
}

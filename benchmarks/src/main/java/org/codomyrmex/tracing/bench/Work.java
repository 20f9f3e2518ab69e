package org.codomyrmex.tracing.bench;

import static org.codomyrmex.tracing.bench.Peers.EVENT;
import static org.codomyrmex.tracing.bench.Peers.METHOD;
import static org.codomyrmex.tracing.bench.Peers.METHOD_KEY;
import static org.codomyrmex.tracing.bench.Peers.OTEL_METHOD;
import static org.codomyrmex.tracing.bench.Peers.OTEL_STATUS;
import static org.codomyrmex.tracing.bench.Peers.STATUS;
import static org.codomyrmex.tracing.bench.Peers.STATUS_KEY;
import static org.codomyrmex.tracing.bench.Peers.STATUS_TEXT;

import brave.ScopedSpan;
import io.opentelemetry.context.Scope;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;

/** The "full" unit of work, written the way each library is meant to be used. */
final class Work {
  private Work() {}

  /** A root span made current, two attributes, one event, closed. */
  static Span full(Tracer tracer) {
    try (Span span = tracer.span("op")) {
      span.setAttribute(METHOD_KEY, METHOD);
      span.setAttribute(STATUS_KEY, STATUS);
      span.addEvent(EVENT);
      return span;
    }
  }

  /** The same with OpenTelemetry: {@code makeCurrent()} and pre-built attribute keys. */
  static io.opentelemetry.api.trace.Span full(io.opentelemetry.api.trace.Tracer tracer) {
    io.opentelemetry.api.trace.Span span = tracer.spanBuilder("op").startSpan();
    try (Scope scope = span.makeCurrent()) {
      span.setAttribute(OTEL_METHOD, METHOD);
      span.setAttribute(OTEL_STATUS, STATUS);
      span.addEvent(EVENT);
    } finally {
      span.end();
    }
    return span;
  }

  /** The same with Brave: a scoped span (started and made current in one call). */
  static ScopedSpan full(brave.Tracer tracer) {
    ScopedSpan span = tracer.startScopedSpan("op");
    try {
      span.tag(METHOD_KEY, METHOD);
      span.tag(STATUS_KEY, STATUS_TEXT);
      span.annotate(EVENT);
    } finally {
      span.finish();
    }
    return span;
  }
}

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
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.Tracer;

/** The "full" unit of work, written the way each library is meant to be used. */
final class Work {
  // Boxed once, as the filter does.
  private static final Long PORT = 8080L;
  private static final Long STATUS_BOXED = STATUS;

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

  /**
   * What the JAX-RS server filter asks of the core per request: a root SERVER span with the eight
   * attributes of a request, made current, its trace id read for the response header, the status
   * added, finished.
   */
  static Span server(Tracer tracer) {
    Span span = serverAttributes(tracer);
    try (org.codomyrmex.tracing.Scope current = span.makeCurrent()) {
      span.traceId();
    }
    span.setAttribute(STATUS_KEY, STATUS_BOXED);
    span.finish();
    return span;
  }

  /** A root SERVER span with the eight attributes of a request, not finished. */
  static Span serverAttributes(Tracer tracer) {
    Span span = tracer.startSpan("GET /api/orders/{id}", SpanKind.SERVER, null, null);
    span.setAttribute("http.request.method", METHOD);
    span.setAttribute("url.path", "/api/orders/42");
    span.setAttribute("http.route", "/api/orders/{id}");
    span.setAttribute("url.scheme", "http");
    span.setAttribute("url.query", "expand=lines");
    span.setAttribute("server.address", "127.0.0.1");
    span.setAttribute("server.port", PORT);
    span.setAttribute("user_agent.original", "bench");
    return span;
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

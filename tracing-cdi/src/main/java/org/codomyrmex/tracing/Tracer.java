package org.codomyrmex.tracing;

import java.util.Map;
import java.util.Optional;

/**
 * Creates spans for one service and exports them in batches, off the application thread.
 *
 * <p>Thread-safe. Obtain one from {@link Tracers#get(String)}, by injection in CDI, or with {@link
 * #create(String, SpanExporter)}.
 *
 * <pre>{@code
 * Tracer tracer = Tracers.get("checkout");
 * try (Span span = tracer.span("charge-card", SpanKind.CLIENT)) {
 *   span.setAttribute("amount", 1999L);
 * }
 * }</pre>
 */
public interface Tracer {

  /** Creates a tracer exporting to {@code exporter}; the other settings come from configuration. */
  static Tracer create(String serviceName, SpanExporter exporter) {
    return TracerFactory.create(serviceName, exporter);
  }

  /** Creates a tracer exporting to {@code exporter} and recording what {@code sampler} keeps. */
  static Tracer create(String serviceName, SpanExporter exporter, Sampler sampler) {
    return TracerFactory.create(serviceName, exporter, sampler);
  }

  /** Returns the tracer's name. */
  String name();

  /** Returns the {@code service.name} put on every span. */
  String serviceName();

  /** Starts an INTERNAL span, child of the current span or a new trace; not made current. */
  Span startSpan(String name);

  /** Starts a span of {@code kind}, child of the current span or a new trace; not made current. */
  Span startSpan(String name, SpanKind kind);

  /**
   * Starts a span with an explicit parent ({@code null}: the current span, or a new trace) and
   * initial attributes; not made current.
   */
  Span startSpan(String name, SpanKind kind, SpanContext parent, Map<String, ?> attributes);

  /** Starts an INTERNAL span and makes it current until it is closed. */
  Span span(String name);

  /** Starts a span of {@code kind} and makes it current until it is closed. */
  Span span(String name, SpanKind kind);

  /** Returns the span current on this thread, whichever tracer made it. */
  Optional<Span> currentSpan();

  /** Returns once every span finished so far has been handed to the exporter. */
  void flush();

  /** Flushes, then shuts the exporter down; later calls do nothing. */
  void shutdown();

  /** Returns how many finished spans were not exported: queue full, exporter failure, shutdown. */
  long droppedSpans();

  /** Returns how many spans the exporter accepted. */
  long exportedSpans();

  /** Returns false when {@code tracing.enabled=false}: spans are then not recorded. */
  boolean isEnabled();
}

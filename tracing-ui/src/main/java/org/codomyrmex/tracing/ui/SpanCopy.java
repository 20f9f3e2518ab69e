package org.codomyrmex.tracing.ui;

import java.util.Map;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanStatus;

/** A copy of a finished span: its contract JSON shape and the fields the viewer sorts by. */
final class SpanCopy {
  private final Map<String, Object> json;
  private final String traceId;
  private final String spanId;
  private final String parentSpanId;
  private final String name;
  private final String service;
  private final long startNanos;
  private final long endNanos;
  private final boolean error;

  private SpanCopy(Span span) {
    this.json = span.toMap();
    this.traceId = span.traceId();
    this.spanId = span.spanId();
    this.parentSpanId = span.parentSpanId();
    this.name = span.name();
    this.service = String.valueOf(span.attributes().getOrDefault("service.name", ""));
    this.startNanos = span.startEpochNanos();
    this.endNanos = Math.max(span.endEpochNanos(), startNanos);
    this.error = span.status() == SpanStatus.ERROR;
  }

  static SpanCopy of(Span span) {
    return new SpanCopy(span);
  }

  Map<String, Object> json() {
    return json;
  }

  String traceId() {
    return traceId;
  }

  String spanId() {
    return spanId;
  }

  /** The parent's id, or null for a span that started its trace. */
  String parentSpanId() {
    return parentSpanId;
  }

  String name() {
    return name;
  }

  String service() {
    return service;
  }

  long startNanos() {
    return startNanos;
  }

  long endNanos() {
    return endNanos;
  }

  boolean error() {
    return error;
  }
}

package org.codomyrmex.tracing;

import java.util.Map;
import java.util.Optional;

/** What {@code tracing.enabled=false} gives: spans that record nothing, no thread, no export. */
final class DisabledTracer implements Tracer {
  private static final Span NOOP = Span.noop();
  private final String name;

  DisabledTracer(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String serviceName() {
    return name;
  }

  @Override
  public Span startSpan(String name) {
    return NOOP;
  }

  @Override
  public Span startSpan(String name, SpanKind kind) {
    return NOOP;
  }

  @Override
  public Span startSpan(String name, SpanKind kind, SpanContext parent, Map<String, ?> attributes) {
    return NOOP;
  }

  @Override
  public Span span(String name) {
    return NOOP;
  }

  @Override
  public Span span(String name, SpanKind kind) {
    return NOOP;
  }

  @Override
  public Optional<Span> currentSpan() {
    return Optional.ofNullable(CurrentSpan.get());
  }

  @Override
  public void flush() {}

  @Override
  public void shutdown() {}

  @Override
  public long droppedSpans() {
    return 0;
  }

  @Override
  public long exportedSpans() {
    return 0;
  }

  @Override
  public boolean isEnabled() {
    return false;
  }
}

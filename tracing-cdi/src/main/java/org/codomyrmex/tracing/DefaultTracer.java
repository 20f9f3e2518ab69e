package org.codomyrmex.tracing;

import java.util.Map;
import java.util.Optional;
import org.codomyrmex.tracing.internal.Ids;

/** The recording tracer: spans, parent resolution and the export pipeline. */
final class DefaultTracer implements Tracer {
  private final String name;
  private final String serviceName;
  final AnchoredClock clock = AnchoredClock.create();
  private final BatchingSpanProcessor processor;

  DefaultTracer(String name, SpanExporter exporter, BatchingSpanProcessor.Settings settings) {
    this.name = name;
    this.serviceName = name;
    this.processor = new BatchingSpanProcessor(name, exporter, settings);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String serviceName() {
    return serviceName;
  }

  @Override
  public Span startSpan(String name) {
    return childOf(name, SpanKind.INTERNAL, CurrentSpan.get());
  }

  @Override
  public Span startSpan(String name, SpanKind kind) {
    return childOf(name, kind, CurrentSpan.get());
  }

  @Override
  public Span startSpan(String name, SpanKind kind, SpanContext parent, Map<String, ?> attributes) {
    Span span =
        parent == null ? childOf(name, kind, CurrentSpan.get()) : childOf(name, kind, parent);
    return span.setAttributes(attributes);
  }

  @Override
  public Span span(String name) {
    return span(name, SpanKind.INTERNAL);
  }

  @Override
  public Span span(String name, SpanKind kind) {
    CurrentSpan.Holder holder = CurrentSpan.holder();
    Span span = childOf(name, kind, holder.span);
    CurrentSpan.push(holder, span);
    return span;
  }

  @Override
  public Optional<Span> currentSpan() {
    return Optional.ofNullable(CurrentSpan.get());
  }

  @Override
  public void flush() {
    processor.flush();
  }

  @Override
  public void shutdown() {
    processor.shutdown();
  }

  @Override
  public long droppedSpans() {
    return processor.droppedSpans();
  }

  @Override
  public long exportedSpans() {
    return processor.exportedSpans();
  }

  @Override
  public boolean isEnabled() {
    return true;
  }

  void onFinish(Span span) {
    if (span.sampled) {
      processor.offer(span);
    }
  }

  private Span childOf(String name, SpanKind kind, Span parent) {
    long now = clock.nowEpochNanos();
    if (parent == null || parent.tracer == null) {
      return new Span(
          this, name, kind, Ids.randomNonZero(), Ids.randomNonZero(), 0, true, Map.of(), now);
    }
    return new Span(
        this,
        name,
        kind,
        parent.traceIdHigh,
        parent.traceIdLow,
        parent.spanId,
        parent.sampled,
        parent.inheritedBaggage(),
        now);
  }

  private Span childOf(String name, SpanKind kind, SpanContext parent) {
    return new Span(
        this,
        name,
        kind,
        parent.traceIdHigh,
        parent.traceIdLow,
        parent.spanIdBits,
        parent.sampled(),
        parent.baggage(),
        clock.nowEpochNanos());
  }

  @Override
  public String toString() {
    return "Tracer{name=" + name + '}';
  }
}

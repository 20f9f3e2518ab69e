package org.codomyrmex.tracing;

import java.util.Map;
import java.util.Optional;
import org.codomyrmex.tracing.internal.Ids;
import org.codomyrmex.tracing.internal.RateLimitedLogger;

/** The recording tracer: spans, parent resolution and the export pipeline. */
final class DefaultTracer implements Tracer {
  private static final RateLimitedLogger LOG = new RateLimitedLogger(DefaultTracer.class.getName());

  private final String name;
  private final String serviceName;
  final AnchoredClock clock = AnchoredClock.create();
  private final BatchingSpanProcessor processor;
  // Replaced through JMX (SamplingRatio) while the application runs.
  private volatile Sampler sampler;
  private final TracerJmx jmx;

  DefaultTracer(
      String name,
      SpanExporter exporter,
      Sampler sampler,
      BatchingSpanProcessor.Settings settings,
      boolean jmxEnabled) {
    this.name = name;
    this.serviceName = name;
    this.sampler = sampler == null ? Sampler.always() : sampler;
    this.processor = new BatchingSpanProcessor(name, exporter, settings);
    this.jmx = jmxEnabled ? TracerJmx.register(this) : null;
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
    if (jmx != null) {
      jmx.unregister();
    }
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

  Sampler sampler() {
    return sampler;
  }

  void sampler(Sampler next) {
    sampler = next;
  }

  long queuedSpans() {
    return processor.queuedSpans();
  }

  int queueCapacity() {
    return processor.queueCapacity();
  }

  void onFinish(Span span) {
    if (span.sampled) {
      processor.offer(span);
    }
  }

  private Span childOf(String name, SpanKind kind, Span parent) {
    if (parent == null || parent.tracer == null) {
      return root(name, kind);
    }
    return create(
        name,
        kind,
        parent.traceIdHigh,
        parent.traceIdLow,
        parent.spanId,
        parent.sampled,
        parent.inheritedBaggage());
  }

  private Span childOf(String name, SpanKind kind, SpanContext parent) {
    return create(
        name,
        kind,
        parent.traceIdHigh,
        parent.traceIdLow,
        parent.spanIdBits,
        parent.sampled(),
        parent.baggage());
  }

  // Only a root asks the sampler: every other span follows its parent's decision.
  private Span root(String name, SpanKind kind) {
    long now = clock.nowEpochNanos();
    long high = Ids.randomNonZero();
    long low = Ids.randomNonZero();
    if (sample(high, low, name, kind, now)) {
      return new RecordedSpan(this, name, kind, high, low, 0, Map.of(), now);
    }
    return new UnrecordedSpan(this, name, kind, high, low, 0, Map.of());
  }

  // An unrecorded span reads no clock and holds no state beyond what propagation needs.
  private Span create(
      String name,
      SpanKind kind,
      long high,
      long low,
      long parentId,
      boolean sampled,
      Map<String, String> baggage) {
    if (sampled) {
      return new RecordedSpan(
          this, name, kind, high, low, parentId, baggage, clock.nowEpochNanos());
    }
    return new UnrecordedSpan(this, name, kind, high, low, parentId, baggage);
  }

  private boolean sample(long high, long low, String name, SpanKind kind, long now) {
    Sampler current = sampler;
    try {
      return current.shouldSample(high, low, name, kind, now);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("sampler " + current + " failed; the trace is not recorded", e);
      return false;
    }
  }

  @Override
  public String toString() {
    return "Tracer{name=" + name + '}';
  }
}

package org.codomyrmex.tracing;

import java.util.List;
import java.util.Map;

/**
 * A span of a trace that is not recorded: ids, kind and baggage for propagation, a finished flag,
 * and nothing else; it reads no clock and is never exported.
 */
final class UnrecordedSpan extends Span {
  private volatile boolean finished;

  UnrecordedSpan(
      DefaultTracer tracer,
      String name,
      SpanKind kind,
      long traceIdHigh,
      long traceIdLow,
      long parentSpanId,
      Map<String, String> baggage) {
    super(tracer, name, kind, traceIdHigh, traceIdLow, parentSpanId, false, baggage);
  }

  @Override
  public SpanStatus status() {
    return SpanStatus.UNSET;
  }

  @Override
  public String statusMessage() {
    return null;
  }

  @Override
  public Map<String, Object> attributes() {
    return tracer == null ? Map.of() : Map.of("service.name", tracer.serviceName());
  }

  @Override
  public List<Span.Event> events() {
    return List.of();
  }

  @Override
  public long startEpochNanos() {
    return 0;
  }

  @Override
  public long endEpochNanos() {
    return 0;
  }

  @Override
  public boolean isFinished() {
    return finished;
  }

  @Override
  public Span addEvent(String name, Map<String, ?> attributes) {
    return this;
  }

  @Override
  public Span setStatus(SpanStatus status, String message) {
    return this;
  }

  @Override
  public Span recordException(Throwable error) {
    return this;
  }

  @Override
  public void finish() {
    finished = true;
  }

  @Override
  public Map<String, Object> toMap() {
    Map<String, Object> map = identityMap();
    map.put("status", SpanStatus.UNSET.wireName());
    map.put("status_message", null);
    map.put("start_time", null);
    map.put("end_time", null);
    map.put("duration_ms", null);
    map.put("attributes", attributes());
    map.put("events", List.of());
    return map;
  }

  @Override
  Span put(String key, Object value) {
    return this;
  }
}

package org.codomyrmex.tracing.bench;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import java.util.concurrent.atomic.LongAdder;

/** A Brave handler that only counts finished spans (Brave calls it on the application thread). */
public final class BraveCountingHandler extends SpanHandler {
  private final LongAdder spans = new LongAdder();

  @Override
  public boolean end(TraceContext context, MutableSpan span, Cause cause) {
    spans.increment();
    return true;
  }

  /** Returns how many spans ended so far. */
  public long count() {
    return spans.sum();
  }
}

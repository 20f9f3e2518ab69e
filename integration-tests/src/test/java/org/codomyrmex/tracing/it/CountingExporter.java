package org.codomyrmex.tracing.it;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanExporter;

/** Counts exported spans, optionally slowly (to fill the queue on purpose). */
final class CountingExporter implements SpanExporter {
  final AtomicLong exported = new AtomicLong();
  private final long pauseNanos;

  CountingExporter(long pauseNanos) {
    this.pauseNanos = pauseNanos;
  }

  @Override
  public void export(Collection<Span> spans) {
    if (pauseNanos > 0) {
      LockSupport.parkNanos(pauseNanos);
    }
    exported.addAndGet(spans.size());
  }

  @Override
  public void shutdown() {}
}

package org.codomyrmex.tracing.bench;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanExporter;

/** A sink for this library that only counts what reaches it (not final: CDI proxies a subclass). */
public class CountingExporter implements SpanExporter {
  private final AtomicLong spans = new AtomicLong();

  @Override
  public void export(Collection<Span> batch) {
    spans.addAndGet(batch.size());
  }

  @Override
  public void shutdown() {
    // nothing to release
  }

  /** Returns how many spans were exported so far. */
  public long count() {
    return spans.get();
  }
}

package org.codomyrmex.tracing.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanExporter;

/** Sends each batch to several exporters; one that fails does not starve the others. */
final class FanOutExporter implements SpanExporter {
  private static final RateLimitedLogger LOG =
      new RateLimitedLogger(FanOutExporter.class.getName());
  private final List<SpanExporter> exporters;

  FanOutExporter(List<SpanExporter> exporters) {
    this.exporters = exporters;
  }

  @Override
  public void export(Collection<Span> spans) {
    RuntimeException failure = null;
    for (SpanExporter exporter : exporters) {
      try {
        exporter.export(spans);
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure; // the first failure, once every exporter has had the batch: counted as dropped
    }
  }

  // Network exporters deliver from threads of their own: waiting on each in turn with one deadline
  // takes as long as the slowest, not the sum.
  @Override
  public boolean flush(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean all = true;
    for (SpanExporter exporter : exporters) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        all &= exporter.flush(Duration.ofNanos(left));
      } catch (RuntimeException e) {
        all = false;
        LOG.warn("exporter " + exporter.getClass().getName() + " failed to flush", e);
      }
    }
    return all;
  }

  @Override
  public void shutdown() {
    for (SpanExporter exporter : exporters) {
      try {
        exporter.shutdown();
      } catch (RuntimeException e) {
        LOG.warn("exporter " + exporter.getClass().getName() + " failed to shut down", e);
      }
    }
  }
}

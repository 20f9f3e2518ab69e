package org.codomyrmex.tracing.cdi;

import java.util.Collection;
import java.util.List;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanExporter;

/** Fans spans out to the application's exporter beans; the container owns their lifecycle. */
final class BeanExporters implements SpanExporter {
  private final List<SpanExporter> beans;

  BeanExporters(List<SpanExporter> beans) {
    this.beans = List.copyOf(beans);
  }

  // Every bean gets the batch even if another one fails; the first failure then reaches the
  // tracer, which logs it and counts the batch as dropped.
  @Override
  public void export(Collection<Span> spans) {
    RuntimeException failure = null;
    for (SpanExporter bean : beans) {
      try {
        bean.export(spans);
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  // Beans are shared by every tracer and destroyed by the container (a disposer or @PreDestroy
  // releases their resources), so one tracer shutting down must not shut them down.
  @Override
  public void shutdown() {}
}

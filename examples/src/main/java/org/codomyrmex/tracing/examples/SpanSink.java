package org.codomyrmex.tracing.examples;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.codomyrmex.tracing.SpanExporter;
import org.codomyrmex.tracing.export.InMemoryExporter;

/** Hands the tracers an exporter bean, so the demo reads the spans back to print them. */
@ApplicationScoped
public class SpanSink {
  static final InMemoryExporter SPANS = new InMemoryExporter(10_000);

  @Produces
  @Singleton
  SpanExporter spans() {
    return SPANS;
  }
}

package org.codomyrmex.tracing;

import java.util.Collection;

/**
 * Receives finished spans in batches, off the application thread.
 *
 * <p>The collection passed to {@link #export} is only valid during the call: copy what you keep. An
 * exporter that throws never reaches the application: the error is logged and the batch counted as
 * dropped.
 *
 * <pre>{@code
 * Tracer tracer = Tracer.create("checkout", spans -> spans.forEach(System.out::println));
 * }</pre>
 */
@FunctionalInterface
public interface SpanExporter {
  /** Delivers a batch of finished spans. */
  void export(Collection<Span> spans);

  /** Releases resources; called once when the tracer shuts down. Does nothing by default. */
  default void shutdown() {}
}

package org.codomyrmex.tracing;

import java.time.Duration;
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

  /**
   * Waits at most {@code timeout} until what {@link #export} received has reached its destination,
   * for exporters that deliver on a thread of their own; called by {@code Tracer.flush()} with what
   * is left of {@code tracing.flush-timeout-ms}. Returns at once, true, by default.
   *
   * @return true when everything exported before the call was delivered (or dropped for good)
   */
  default boolean flush(Duration timeout) {
    return true;
  }

  /** Releases resources; called once when the tracer shuts down. Does nothing by default. */
  default void shutdown() {}
}

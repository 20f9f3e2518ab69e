package org.codomyrmex.tracing.internal;

import org.codomyrmex.tracing.SpanExporter;

/**
 * Not API: a listener that receives the spans of every tracer built from the configuration, in
 * addition to (never instead of) its exporters; found with {@link java.util.ServiceLoader} in the
 * library's class loader. The trace viewer ({@code tracing-ui}) is one.
 */
public interface SpanTap {
  /**
   * Returns the exporter that should also receive the spans of a tracer configured by {@code
   * config}, or null to receive none. It is shared: tracers never shut it down.
   */
  SpanExporter exporterFor(TracingConfig config);
}

package org.codomyrmex.tracing.internal;

import org.codomyrmex.tracing.SpanExporter;
import org.codomyrmex.tracing.export.InMemoryExporter;

/** A tap listed in this module's test services: sees spans only where {@code test.tap} is set. */
public final class RecordingSpanTap implements SpanTap {
  static final String KEY = "test.tap";
  static final InMemoryExporter SEEN = new InMemoryExporter();

  /** Created by {@link java.util.ServiceLoader}. */
  public RecordingSpanTap() {}

  @Override
  public SpanExporter exporterFor(TracingConfig config) {
    return config.raw(KEY) == null ? null : SEEN;
  }
}

package org.codomyrmex.tracing.ui;

import org.codomyrmex.tracing.SpanExporter;
import org.codomyrmex.tracing.internal.RateLimitedLogger;
import org.codomyrmex.tracing.internal.SpanTap;
import org.codomyrmex.tracing.internal.TracingConfig;

/**
 * Not API: copies every exported span into the viewer's store while {@code tracing.ui.enabled} is
 * true, besides the tracer's exporters; found by the library through {@code META-INF/services}.
 */
public final class ViewerTap implements SpanTap {
  private static final RateLimitedLogger LOG = new RateLimitedLogger(ViewerTap.class.getName());

  /** Created by {@link java.util.ServiceLoader}. */
  public ViewerTap() {}

  /** The store's exporter when the viewer is on, else null: nothing is copied. */
  @Override
  public SpanExporter exporterFor(TracingConfig config) {
    ViewerConfig viewer = ViewerConfig.of(config);
    if (!viewer.enabled()) {
      return null;
    }
    TraceStore store = TraceStore.shared(viewer.maxTraces());
    return spans -> {
      try {
        store.record(spans);
      } catch (RuntimeException e) {
        LOG.warn("trace viewer: could not keep a batch of spans", e);
      }
    };
  }
}

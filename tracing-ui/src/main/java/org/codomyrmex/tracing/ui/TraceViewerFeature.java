package org.codomyrmex.tracing.ui;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Registers {@link TraceViewerFilter} on a server; listed in {@code
 * META-INF/services/jakarta.ws.rs.core.Feature} so Jakarta REST 3.1 runtimes load it without
 * application code.
 *
 * <pre>{@code
 * // only needed where services are not loaded (jakarta.ws.rs.loadServices=false):
 * resourceConfig.register(TraceViewerFeature.class);
 * }</pre>
 */
@ConstrainedTo(RuntimeType.SERVER)
public final class TraceViewerFeature implements Feature {
  /** Registers the viewer's filter once; does nothing on a client. */
  @Override
  public boolean configure(FeatureContext context) {
    if (context.getConfiguration().getRuntimeType() != RuntimeType.SERVER) {
      return false;
    }
    if (!context.getConfiguration().isRegistered(TraceViewerFilter.class)) {
      context.register(TraceViewerFilter.class);
    }
    return true;
  }
}

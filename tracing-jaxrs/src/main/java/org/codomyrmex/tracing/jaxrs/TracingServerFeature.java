package org.codomyrmex.tracing.jaxrs;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Registers {@link TracingContainerFilter} on a server; listed in {@code
 * META-INF/services/jakarta.ws.rs.core.Feature} so Jakarta REST 3.1 runtimes (Jersey, RESTEasy)
 * load it without application code.
 *
 * <pre>{@code
 * // only needed where services are not loaded (jakarta.ws.rs.loadServices=false):
 * resourceConfig.register(TracingServerFeature.class);
 * }</pre>
 */
@ConstrainedTo(RuntimeType.SERVER)
public final class TracingServerFeature implements Feature {
  /** Registers the server filter once; does nothing on a client. */
  @Override
  public boolean configure(FeatureContext context) {
    return Registrations.registerOnce(context, RuntimeType.SERVER, TracingContainerFilter.class);
  }
}

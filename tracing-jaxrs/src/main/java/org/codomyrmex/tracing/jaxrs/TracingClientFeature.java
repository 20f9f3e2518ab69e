package org.codomyrmex.tracing.jaxrs;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Traces the calls of a JAX-RS client: one CLIENT span per call and the {@code X-Trace-Id} headers
 * on the request.
 *
 * <pre>{@code
 * Client client = ClientBuilder.newBuilder().register(TracingClientFeature.class).build();
 * }</pre>
 */
@ConstrainedTo(RuntimeType.CLIENT)
public final class TracingClientFeature implements Feature {
  /** Registers {@link TracingClientFilter} once; does nothing on a server. */
  @Override
  public boolean configure(FeatureContext context) {
    boolean first = !context.getConfiguration().isRegistered(TracingClientFilter.class);
    boolean client =
        Registrations.registerOnce(context, RuntimeType.CLIENT, TracingClientFilter.class);
    if (client && first) {
      JerseyClientHooks.register(context);
    }
    return client;
  }
}

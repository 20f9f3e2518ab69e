package org.codomyrmex.tracing.jaxrs;

import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

/**
 * Registers {@link TracingClientFeature} on every MicroProfile Rest Client; the implementation
 * loads it as a service, so typed clients are traced without application code.
 *
 * <pre>{@code
 * Orders orders = RestClientBuilder.newBuilder().baseUri(uri).build(Orders.class); // traced
 * }</pre>
 */
public final class TracingRestClientListener implements RestClientListener {
  /** Adds the tracing feature to the client being built. */
  @Override
  public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
    if (!builder.getConfiguration().isRegistered(TracingClientFeature.class)) {
      builder.register(TracingClientFeature.class);
    }
  }
}

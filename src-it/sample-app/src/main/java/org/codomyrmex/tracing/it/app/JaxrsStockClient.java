package org.codomyrmex.tracing.it.app;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URI;
import org.codomyrmex.tracing.jaxrs.TracingClientFeature;

/**
 * Calls the stock service with a JAX-RS client that has {@link TracingClientFeature} registered.
 */
@ApplicationScoped
public class JaxrsStockClient {
  private final Client client =
      ClientBuilder.newBuilder().register(TracingClientFeature.class).build();

  /** {@code GET {api}stock/{sku}}. */
  public String quantity(URI api, String sku) {
    return client.target(api).path("stock").path(sku).request().get(String.class);
  }

  @PreDestroy
  void close() {
    client.close();
  }
}

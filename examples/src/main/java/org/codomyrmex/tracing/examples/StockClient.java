package org.codomyrmex.tracing.examples;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.jaxrs.TracingClientFeature;

/** Calls the stock resource through a JAX-RS client traced by {@link TracingClientFeature}. */
@ApplicationScoped
public class StockClient {
  private final Client client =
      ClientBuilder.newBuilder()
          .register(TracingClientFeature.class)
          .connectTimeout(2, TimeUnit.SECONDS)
          .readTimeout(5, TimeUnit.SECONDS)
          .build();

  /** Reserves one {@code sku} at {@code api/stock/{sku}}; false when the stock service says no. */
  public boolean reserve(URI api, String sku) {
    try (Response response = client.target(api).path("stock").path(sku).request().get()) {
      return response.getStatus() == Response.Status.OK.getStatusCode();
    }
  }

  @PreDestroy
  void close() {
    client.close();
  }
}

package org.codomyrmex.tracing.ui;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import org.codomyrmex.tracing.cdi.Traced;
import org.codomyrmex.tracing.jaxrs.TracingClientFeature;

/** A @Traced bean that asks the stock resource through the traced JAX-RS client. */
@ApplicationScoped
public class Warehouse {
  static final String STOCK_URL = "ui-it.stock.url";

  /** Returns the stock of {@code sku}. */
  @Traced
  public String reserve(String sku) {
    Client client = ClientBuilder.newBuilder().register(TracingClientFeature.class).build();
    try {
      return client.target(System.getProperty(STOCK_URL)).path(sku).request().get(String.class);
    } finally {
      client.close();
    }
  }
}

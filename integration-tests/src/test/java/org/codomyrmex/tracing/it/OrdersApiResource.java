package org.codomyrmex.tracing.it;

import jakarta.enterprise.context.ApplicationScoped;

/** The implementation of {@link OrdersApi}: a CDI bean without a JAX-RS annotation of its own. */
@ApplicationScoped
public class OrdersApiResource implements OrdersApi {
  @Override
  public String order(String id) {
    return "order " + id;
  }

  @Override
  public String fail() {
    throw new IllegalStateException("contract boom");
  }
}

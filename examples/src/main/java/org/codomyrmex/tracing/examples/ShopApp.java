package org.codomyrmex.tracing.examples;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The demo shop: two resources under {@code /api}, traced by {@code tracing-jaxrs} alone. */
@ApplicationPath("/api")
public class ShopApp extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(OrderResource.class, StockResource.class);
  }
}

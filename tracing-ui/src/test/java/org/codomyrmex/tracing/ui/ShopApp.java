package org.codomyrmex.tracing.ui;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The traced service the viewer is tested on: CDI resources under /api. */
@ApplicationPath("/api")
public class ShopApp extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(ShopResource.class, StockResource.class);
  }
}

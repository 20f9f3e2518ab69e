package org.codomyrmex.tracing.it;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/** The "frontend" service: CDI resources under /api. */
@ApplicationPath("/api")
public class FrontendApp extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        FrontendResource.class,
        OrdersApiResource.class,
        MissingOrderMapper.class,
        UnavailableMapper.class,
        LeakProbe.class,
        LoggedResource.class);
  }

  @Override
  public Map<String, Object> getProperties() {
    return Map.of("tracing.service-name", Services.FRONTEND);
  }
}

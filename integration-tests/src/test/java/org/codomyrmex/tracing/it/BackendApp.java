package org.codomyrmex.tracing.it;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/** The "backend" service: plain (non-CDI) resources under /backend. */
@ApplicationPath("/backend")
public class BackendApp extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(BackendResource.class);
  }

  @Override
  public Map<String, Object> getProperties() {
    return Map.of("tracing.service-name", Services.BACKEND);
  }
}

package org.codomyrmex.tracing.it;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/** A backend-like application whose spans go to the tracer it names. */
@ApplicationPath("/load")
public class LoadApp extends Application {
  private final String serviceName;

  public LoadApp() {
    this("load");
  }

  LoadApp(String serviceName) {
    this.serviceName = serviceName;
  }

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(BackendResource.class);
  }

  @Override
  public Map<String, Object> getProperties() {
    return Map.of("tracing.service-name", serviceName);
  }
}

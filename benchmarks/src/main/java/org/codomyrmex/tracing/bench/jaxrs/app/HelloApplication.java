package org.codomyrmex.tracing.bench.jaxrs.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The application under load: {@link HelloResource} alone, under {@code /api}. */
@ApplicationPath("/api")
public class HelloApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(HelloResource.class);
  }
}

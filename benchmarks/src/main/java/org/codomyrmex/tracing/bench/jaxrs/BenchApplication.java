package org.codomyrmex.tracing.bench.jaxrs;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The application under load: {@link HelloResource}, a CDI bean, and one {@link
 * UntracedHelloResource} instance, which no container manages.
 */
@ApplicationPath("/api")
public class BenchApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(HelloResource.class);
  }

  // Deprecated, but the portable way to hand the runtime an instance that no container manages.
  @Override
  @SuppressWarnings("deprecation")
  public Set<Object> getSingletons() {
    return Set.of(new UntracedHelloResource());
  }
}

package org.codomyrmex.tracing.bench.jaxrs;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The application under load: {@link HelloResource} and {@link UntracedHelloResource}, the same
 * bean without the tracing interceptor.
 */
@ApplicationPath("/api")
public class BenchApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(HelloResource.class, UntracedHelloResource.class);
  }
}

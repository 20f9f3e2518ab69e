package org.codomyrmex.tracing.bench.jaxrs;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The application under load: {@link HelloResource} and {@link UntracedHelloResource}, the same
 * bean without the tracing interceptor; with {@code -Dbench.floor=true} also {@link
 * ContractFloorFilter}.
 */
@ApplicationPath("/api")
public class BenchApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Boolean.getBoolean(ContractFloorFilter.ENABLED_PROPERTY)
        ? Set.of(HelloResource.class, UntracedHelloResource.class, ContractFloorFilter.class)
        : Set.of(HelloResource.class, UntracedHelloResource.class);
  }
}

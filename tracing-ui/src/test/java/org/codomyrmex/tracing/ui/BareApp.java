package org.codomyrmex.tracing.ui;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** An application with no resources of its own: only what the libraries register. */
@ApplicationPath("/api")
public class BareApp extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of();
  }
}

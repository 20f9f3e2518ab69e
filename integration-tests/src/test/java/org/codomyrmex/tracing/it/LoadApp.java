package org.codomyrmex.tracing.it;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** A backend-like application whose spans go to the tracer it names. */
@ApplicationPath("/load")
public class LoadApp extends Application {
  private final String serviceName;
  private final ResponseCounter responses = new ResponseCounter();

  public LoadApp() {
    this("load");
  }

  LoadApp(String serviceName) {
    this.serviceName = serviceName;
  }

  /** How many responses the server wrote, whether or not the caller read them. */
  long responsesWritten() {
    return responses.written.get();
  }

  @Override
  public Set<Object> getSingletons() {
    return Set.of(responses);
  }

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(BackendResource.class);
  }

  @Override
  public Map<String, Object> getProperties() {
    return Map.of("tracing.service-name", serviceName);
  }

  // A client may send a GET twice (java.net.http retries one whose pooled connection closed under
  // it): the server then traces two requests for one answer, so count what the server handled.
  static final class ResponseCounter implements ContainerResponseFilter {
    final AtomicLong written = new AtomicLong();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      written.incrementAndGet();
    }
  }
}

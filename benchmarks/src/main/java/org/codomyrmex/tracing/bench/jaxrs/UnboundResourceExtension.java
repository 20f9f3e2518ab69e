package org.codomyrmex.tracing.bench.jaxrs;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.interceptor.Interceptor;
import org.codomyrmex.tracing.jaxrs.TracedResource;

/**
 * Takes the tracing interceptor binding off {@link UntracedHelloResource} again, after the tracing
 * extension added it: that bean runs as in an application without tracing.
 */
public class UnboundResourceExtension implements Extension {
  void unbind(
      @Observes @Priority(Interceptor.Priority.PLATFORM_AFTER)
          ProcessAnnotatedType<UntracedHelloResource> event) {
    event
        .configureAnnotatedType()
        .methods()
        .forEach(method -> method.remove(TracedResource.class::isInstance));
  }
}

package org.codomyrmex.tracing.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;

/** Produces the default tracer, the registry's {@code Tracers.defaultTracer()}. */
@Dependent
class TracerProducer {
  @Produces
  @ApplicationScoped
  Tracer defaultTracer(TracingLifecycle lifecycle) {
    lifecycle.start();
    return Tracers.defaultTracer();
  }
}

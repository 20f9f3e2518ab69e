package org.codomyrmex.tracing.cdi;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;

/**
 * Not API: creates the {@code @TracerName} tracer beans of {@link TracingBuildCompatibleExtension}.
 * Public because CDI Lite containers instantiate it from generated code.
 */
public final class NamedTracerCreator implements SyntheticBeanCreator<Tracer> {
  static final String NAME = "name";

  /** Creates the creator; called by the container. */
  public NamedTracerCreator() {}

  /** Returns {@code Tracers.get(name)} for the bean's {@code name} parameter. */
  @Override
  public Tracer create(Instance<Object> lookup, Parameters params) {
    TracingLifecycle.startFrom(lookup);
    return Tracers.get(params.get(NAME, String.class));
  }
}

package org.codomyrmex.tracing.bench.jaxrs.app;

import java.util.function.BooleanSupplier;
import org.codomyrmex.tracing.Tracers;

/** Whether this library has a span current on the request thread. */
final class OursProbe implements BooleanSupplier {
  @Override
  public boolean getAsBoolean() {
    return Tracers.currentSpan().isPresent();
  }
}

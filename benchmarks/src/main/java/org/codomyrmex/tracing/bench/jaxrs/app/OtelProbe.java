package org.codomyrmex.tracing.bench.jaxrs.app;

import io.opentelemetry.api.trace.Span;
import java.util.function.BooleanSupplier;

/**
 * Whether OpenTelemetry has a recording span current: the SDK's own (SmallRye) or, through the API
 * the agent bridges, the agent's.
 */
final class OtelProbe implements BooleanSupplier {
  @Override
  public boolean getAsBoolean() {
    return Span.current().isRecording();
  }
}

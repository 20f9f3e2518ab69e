package org.codomyrmex.tracing;

import java.util.Objects;
import org.codomyrmex.tracing.internal.Exporters;
import org.codomyrmex.tracing.internal.TracingConfig;

/** Builds tracers from the configuration read at the moment of creation. */
final class TracerFactory {
  private TracerFactory() {}

  static Tracer create(String name, SpanExporter exporter) {
    TracingConfig config = TracingConfig.load();
    return create(checkName(name), exporter, config);
  }

  static Tracer create(String name, SpanExporter exporter, TracingConfig config) {
    if (!config.enabled()) {
      return new DisabledTracer(name);
    }
    SpanExporter target = exporter != null ? exporter : Exporters.create(config);
    BatchingSpanProcessor.Settings settings =
        new BatchingSpanProcessor.Settings(
            config.batchSize(),
            config.queueCapacity(),
            config.flushIntervalMs(),
            config.flushTimeoutMs());
    return new DefaultTracer(name, target, settings);
  }

  static String checkName(String name) {
    Objects.requireNonNull(name, "tracer name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("tracer name must not be blank");
    }
    return name;
  }
}

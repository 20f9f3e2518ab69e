package org.codomyrmex.tracing;

import java.util.Objects;
import org.codomyrmex.tracing.internal.Exporters;
import org.codomyrmex.tracing.internal.Samplers;
import org.codomyrmex.tracing.internal.TracingConfig;

/** Builds tracers from the configuration read at the moment of creation. */
final class TracerFactory {
  private TracerFactory() {}

  static Tracer create(String name, SpanExporter exporter) {
    return create(name, exporter, (Sampler) null);
  }

  static Tracer create(String name, SpanExporter exporter, Sampler sampler) {
    TracingConfig config = TracingConfig.load();
    return create(checkName(name), exporter, sampler, config);
  }

  static Tracer create(String name, SpanExporter exporter, Sampler sampler, TracingConfig config) {
    if (!config.enabled()) {
      return new DisabledTracer(name);
    }
    CurrentSpanListeners.install(config.logCorrelation());
    SpanExporter target = exporter != null ? exporter : Exporters.create(config);
    BatchingSpanProcessor.Settings settings =
        new BatchingSpanProcessor.Settings(
            config.batchSize(),
            config.queueCapacity(),
            config.flushIntervalMs(),
            config.flushTimeoutMs());
    Sampler chosen = sampler != null ? sampler : Samplers.create(config);
    return new DefaultTracer(name, target, chosen, settings, config.jmxEnabled());
  }

  static String checkName(String name) {
    Objects.requireNonNull(name, "tracer name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("tracer name must not be blank");
    }
    return name;
  }
}

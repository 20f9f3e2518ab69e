package org.codomyrmex.tracing.bench.jaxrs.app;

import io.smallrye.opentelemetry.api.OpenTelemetryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.HashMap;
import java.util.Map;

/**
 * SmallRye OpenTelemetry's configuration bean, as a runtime's MicroProfile Config integration
 * provides it: the {@code otel.*} system properties. Loads only where SmallRye is present.
 */
@ApplicationScoped
public class SmallRyeConfig {

  /** Returns the {@code otel.*} system properties. */
  @Produces
  @ApplicationScoped
  OpenTelemetryConfig config() {
    Map<String, String> properties = new HashMap<>();
    System.getProperties()
        .forEach(
            (key, value) -> {
              if (key.toString().startsWith("otel.")) {
                properties.put(key.toString(), value.toString());
              }
            });
    return () -> properties;
  }
}

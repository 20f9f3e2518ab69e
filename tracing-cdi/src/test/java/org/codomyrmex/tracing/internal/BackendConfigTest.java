package org.codomyrmex.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Headers, resource attributes, the outage buffer and the OpenTelemetry names. */
class BackendConfigTest {

  private static TracingConfig of(String... keysAndValues) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return TracingConfig.of(values::get);
  }

  private static Map<String, String> headers(SecretHeaders headers) {
    Map<String, String> values = new HashMap<>();
    headers.forEach(values::put);
    return values;
  }

  @Test
  void defaults() {
    TracingConfig config = of();

    assertThat(config.bufferMb()).isEqualTo(16);
    assertThat(config.resourceAttributes()).isEmpty();
    assertThat(config.otlpHeaders().isEmpty()).isTrue();
    assertThat(config.zipkinHeaders().isEmpty()).isTrue();
  }

  @Test
  void headersAndResourceAttributesAreParsed() {
    TracingConfig config =
        of(
            "tracing.exporter.otlp.headers", "Authorization=Bearer%20abc,x-scope-orgid=tenant-1",
            "tracing.exporter.zipkin.headers", "X-Api-Key=k",
            "tracing.resource.attributes", "service.version=1.4.2,deployment.environment=prod",
            "tracing.exporter.buffer-mb", "64");

    assertThat(headers(config.otlpHeaders()))
        .containsEntry("Authorization", "Bearer abc")
        .containsEntry("x-scope-orgid", "tenant-1");
    assertThat(headers(config.zipkinHeaders())).containsExactly(Map.entry("X-Api-Key", "k"));
    assertThat(config.resourceAttributes())
        .containsExactly(
            Map.entry("service.version", "1.4.2"), Map.entry("deployment.environment", "prod"));
    assertThat(config.bufferMb()).isEqualTo(64);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "tracing.exporter.otlp.headers|Authorization",
        "tracing.exporter.otlp.headers|Host=secret-host",
        "tracing.exporter.zipkin.headers|Content-Type=secret/type",
        "tracing.exporter.zipkin.headers|bad name=secret",
        "tracing.exporter.zipkin.headers|X-Token=secret%0Ainjected",
        "otel.exporter.otlp.headers|a=secret%ZZ",
        "tracing.resource.attributes|service.version",
        "otel.resource.attributes|=secret",
        "tracing.exporter.buffer-mb|0",
        "tracing.exporter.buffer-mb|lots",
      })
  void badValuesFailNamingTheKeyAndNeverShowAHeaderValue(String key, String value) {
    assertThatThrownBy(() -> of(key, value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(key + ":")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
  }

  @Test
  void openTelemetryNamesAreReadWhenTheTracingKeysAreNotSet() {
    TracingConfig config =
        of(
            "otel.service.name", "checkout",
            "otel.exporter.otlp.traces.endpoint", "https://tempo:4318/custom/path",
            "otel.exporter.otlp.headers", "Authorization=Basic%20xyz",
            "otel.resource.attributes", "deployment.environment=staging");

    assertThat(config.serviceName()).isEqualTo("checkout");
    assertThat(config.otlpEndpoint()).isEqualTo(URI.create("https://tempo:4318/custom/path"));
    assertThat(headers(config.otlpHeaders()))
        .containsExactly(Map.entry("Authorization", "Basic xyz"));
    assertThat(config.resourceAttributes())
        .containsExactly(Map.entry("deployment.environment", "staging"));
  }

  @Test
  void aTracingKeyAlwaysWins() {
    TracingConfig config =
        of(
            "tracing.service-name", "ours",
            "otel.service.name", "theirs",
            "tracing.exporter.otlp.endpoint", "http://ours:4318/v1/traces",
            "otel.exporter.otlp.traces.endpoint", "http://theirs:4318/v1/traces",
            "otel.exporter.otlp.endpoint", "http://base:4318",
            "tracing.exporter.otlp.headers", "a=ours",
            "otel.exporter.otlp.traces.headers", "a=theirs",
            "otel.exporter.otlp.headers", "a=base",
            "tracing.resource.attributes", "k=ours",
            "otel.resource.attributes", "k=theirs");

    assertThat(config.serviceName()).isEqualTo("ours");
    assertThat(config.otlpEndpoint()).isEqualTo(URI.create("http://ours:4318/v1/traces"));
    assertThat(headers(config.otlpHeaders())).containsExactly(Map.entry("a", "ours"));
    assertThat(config.resourceAttributes()).containsExactly(Map.entry("k", "ours"));
  }

  @Test
  void theTracesEndpointAndHeadersBeatTheGeneralOnes() {
    TracingConfig config =
        of(
            "otel.exporter.otlp.traces.endpoint", "http://traces:4318/v1/traces",
            "otel.exporter.otlp.endpoint", "http://base:4318",
            "otel.exporter.otlp.traces.headers", "a=traces",
            "otel.exporter.otlp.headers", "a=base");

    assertThat(config.otlpEndpoint()).isEqualTo(URI.create("http://traces:4318/v1/traces"));
    assertThat(headers(config.otlpHeaders())).containsExactly(Map.entry("a", "traces"));
  }

  @ParameterizedTest
  @CsvSource({
    "http://collector:4318, http://collector:4318/v1/traces",
    "http://collector:4318/, http://collector:4318/v1/traces",
    "https://gateway/otlp, https://gateway/otlp/v1/traces"
  })
  void theGeneralEndpointGetsTheTracesPathAppended(String base, String expected) {
    assertThat(of("otel.exporter.otlp.endpoint", base).otlpEndpoint())
        .isEqualTo(URI.create(expected));
  }

  @Test
  void aBadOpenTelemetryValueNamesTheOpenTelemetryKey() {
    assertThatThrownBy(() -> of("otel.exporter.otlp.endpoint", "ftp://x"))
        .hasMessageStartingWith("otel.exporter.otlp.endpoint:");
  }

  @Test
  void serviceNameInTheResourceAttributesNamesTheServiceWhenNothingElseDoes() {
    TracingConfig config = of("otel.resource.attributes", "service.name=from-resource,team=a");

    assertThat(config.serviceName()).isEqualTo("from-resource");
    assertThat(config.resourceAttributes()).containsExactly(Map.entry("team", "a"));
    assertThat(
            of("otel.resource.attributes", "service.name=r", "otel.service.name", "s")
                .serviceName())
        .isEqualTo("s");
  }

  @Test
  void theEnvironmentNamesAreTheOpenTelemetryOnes() {
    assertThat(TracingConfig.envName("otel.service.name")).isEqualTo("OTEL_SERVICE_NAME");
    assertThat(TracingConfig.envName("otel.exporter.otlp.traces.endpoint"))
        .isEqualTo("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
    assertThat(TracingConfig.envName("otel.resource.attributes"))
        .isEqualTo("OTEL_RESOURCE_ATTRIBUTES");
    assertThat(TracingConfig.envName("tracing.exporter.buffer-mb"))
        .isEqualTo("TRACING_EXPORTER_BUFFER_MB");
  }
}

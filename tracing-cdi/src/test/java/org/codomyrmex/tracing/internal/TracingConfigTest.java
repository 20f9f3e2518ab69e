package org.codomyrmex.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TracingConfigTest {

  private static TracingConfig of(Map<String, String> values) {
    return TracingConfig.of(values::get);
  }

  @Test
  void defaultsMatchTheContract() {
    TracingConfig config = of(Map.of());

    assertThat(config.enabled()).isTrue();
    assertThat(config.serviceName()).isEqualTo("default");
    assertThat(config.exporters()).containsExactly("console");
    assertThat(config.jsonlPath()).isEqualTo(Path.of("traces.jsonl"));
    assertThat(config.zipkinEndpoint()).isEqualTo(URI.create("http://localhost:9411/api/v2/spans"));
    assertThat(config.otlpEndpoint()).isEqualTo(URI.create("http://localhost:4318/v1/traces"));
    assertThat(config.batchSize()).isEqualTo(10);
    assertThat(config.flushIntervalMs()).isEqualTo(1000);
    assertThat(config.queueCapacity()).isEqualTo(2048);
    assertThat(config.memoryMaxSpans()).isEqualTo(1000);
    assertThat(config.propagation()).containsExactly("x-trace");
    assertThat(config.skipPattern()).isEmpty();
  }

  @Test
  void valuesAreParsed() {
    TracingConfig config =
        of(
            Map.of(
                "tracing.enabled", "FALSE",
                "tracing.service-name", " shop ",
                "tracing.exporter", "jsonl, Zipkin,jsonl",
                "tracing.batch-size", "50",
                "tracing.propagation", "w3c,x-trace",
                "tracing.jaxrs.skip-pattern", "/health.*"));

    assertThat(config.enabled()).isFalse();
    assertThat(config.serviceName()).isEqualTo("shop");
    assertThat(config.exporters()).isEqualTo(List.of("jsonl", "zipkin"));
    assertThat(config.batchSize()).isEqualTo(50);
    assertThat(config.propagation()).containsExactly("w3c", "x-trace");
    assertThat(config.skipPattern().orElseThrow().matcher("/health/live").matches()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "tracing.enabled|yes",
        "tracing.exporter|kafka",
        "tracing.exporter|none,console",
        "tracing.exporter.zipkin.endpoint|ftp://host/x",
        "tracing.exporter.otlp.endpoint|not a url",
        "tracing.batch-size|0",
        "tracing.batch-size|ten",
        "tracing.flush-interval-ms|-5",
        "tracing.queue-capacity|99999999999",
        "tracing.memory.max-spans|1.5",
        "tracing.propagation|b3",
        "tracing.jaxrs.skip-pattern|([unclosed",
        "tracing.ui.enabled|on",
        "tracing.ui.path|/a/../b",
        "tracing.ui.max-traces|100001",
        "tracing.exporter.otlp.protocol|grpc",
        "tracing.exporter.compression|zstd"
      })
  void badValuesNameTheKey(String key, String value) {
    assertThatThrownBy(() -> of(Map.of(key, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(key + ":")
        .hasMessageContaining(value);
  }

  @Test
  void otlpProtocolAndCompressionDefaultToJsonAndGzip() {
    assertThat(of(Map.of()).otlpProtobuf()).isFalse();
    assertThat(of(Map.of()).gzip()).isTrue();
    TracingConfig config =
        of(
            Map.of(
                "tracing.exporter.otlp.protocol", "HTTP/Protobuf",
                "tracing.exporter.compression", "none"));
    assertThat(config.otlpProtobuf()).isTrue();
    assertThat(config.gzip()).isFalse();
    assertThat(of(Map.of("tracing.exporter.otlp.protocol", "http/json")).otlpProtobuf()).isFalse();
  }

  @Test
  void otlpProtocolAndCompressionRejectWhatTheyDoNotKnow() {
    assertThatThrownBy(() -> of(Map.of("tracing.exporter.otlp.protocol", "grpc")))
        .hasMessageStartingWith("tracing.exporter.otlp.protocol")
        .hasMessageContaining("http/protobuf");
    assertThatThrownBy(
            () -> of(Map.of("tracing.exporter.otlp.protocol", "http/json,http/protobuf")))
        .hasMessageStartingWith("tracing.exporter.otlp.protocol");
    assertThatThrownBy(() -> of(Map.of("tracing.exporter.compression", "zstd")))
        .hasMessageStartingWith("tracing.exporter.compression");
  }

  @Test
  void systemPropertiesAndEnvironmentNames() {
    System.setProperty("tracing.service-name", "from-property");
    try {
      assertThat(TracingConfig.load().serviceName()).isEqualTo("from-property");
    } finally {
      System.clearProperty("tracing.service-name");
    }
    assertThat(TracingConfig.envName("tracing.service-name")).isEqualTo("TRACING_SERVICE_NAME");
    assertThat(TracingConfig.envName("tracing.exporter.jsonl.path"))
        .isEqualTo("TRACING_EXPORTER_JSONL_PATH");
  }
}

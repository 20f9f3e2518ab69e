package org.codomyrmex.tracing.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanExporter;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.internal.Exporters;
import org.codomyrmex.tracing.internal.TracingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several configured backends: each receives every span, a failing one starves none. */
class ExportersFanOutTest {
  @TempDir Path dir;

  @Test
  void configuredBackendsAreBuiltFromTheirKeys() throws IOException {
    Path file = dir.resolve("traces.jsonl");
    try (CaptureServer otlp = new CaptureServer()) {
      Tracer tracer = tracer("jsonl,otlp", file, otlp.uri("/v1/traces").toString());
      spans(tracer, 25);
      tracer.shutdown();

      assertThat(Files.readAllLines(file)).hasSize(25);
      int received =
          otlp.requests().stream().mapToInt(r -> OtlpHttpExporterTest.spanCount(r.body())).sum();
      assertThat(received).isEqualTo(25);
    }
  }

  @Test
  void aDeadNetworkBackendNeverDelaysTheFileAndShutdownStaysWithinTheFlushTimeout()
      throws Exception {
    Path file = dir.resolve("traces.jsonl");
    System.setProperty("tracing.flush-timeout-ms", "1000");
    System.setProperty("tracing.flush-interval-ms", "50");
    try {
      // A backend that accepts connections and never answers: each request costs its timeout.
      try (java.net.ServerSocket silent =
          new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
        Tracer tracer =
            tracer("otlp,jsonl", file, "http://127.0.0.1:" + silent.getLocalPort() + "/v1/traces");
        long start = System.nanoTime();
        spans(tracer, 25);
        while (lines(file) < 25 && System.nanoTime() - start < 1_500_000_000L) {
          Thread.sleep(10);
        }
        assertThat(lines(file)).isEqualTo(25); // before one OTLP request (2 s) could time out

        start = System.nanoTime();
        tracer.shutdown();
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
            .isLessThan(java.time.Duration.ofMillis(1900)); // one flush timeout, not two
      }
    } finally {
      System.clearProperty("tracing.flush-timeout-ms");
      System.clearProperty("tracing.flush-interval-ms");
    }
  }

  private static long lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file).size() : 0;
  }

  @Test
  void anExporterThatThrowsDoesNotStarveTheOthers() throws IOException {
    Path file = dir.resolve("traces.jsonl");
    SpanExporter throwing =
        spans -> {
          throw new IllegalStateException("broken backend");
        };
    JsonLinesExporter jsonl = new JsonLinesExporter(file);
    Tracer tracer = Tracer.create("svc", Exporters.fanOut(List.of(throwing, jsonl)));
    spans(tracer, 25);
    tracer.shutdown();

    assertThat(Files.readAllLines(file)).hasSize(25);
    assertThat(jsonl.exportedSpans()).isEqualTo(25);
  }

  @Test
  void anUnwritableFileFailsConfigurationNamingTheKey() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("plain"), "x");
    Map<String, String> settings =
        Map.of(
            "tracing.exporter",
            "jsonl",
            "tracing.exporter.jsonl.path",
            notADirectory.resolve("t.jsonl").toString());

    assertThatThrownBy(() -> Exporters.create(TracingConfig.of(settings::get)))
        .hasMessageStartingWith("tracing.exporter.jsonl.path");
  }

  private static Tracer tracer(String exporters, Path file, String otlpEndpoint) {
    Map<String, String> settings =
        Map.of(
            "tracing.exporter", exporters,
            "tracing.exporter.jsonl.path", file.toString(),
            "tracing.exporter.otlp.endpoint", otlpEndpoint);
    return Tracer.create("svc", Exporters.create(TracingConfig.of(settings::get)));
  }

  private static void spans(Tracer tracer, int count) {
    for (int i = 0; i < count; i++) {
      Span span = tracer.startSpan("op-" + i);
      span.finish();
    }
  }

  @Test
  void aNetworkEndpointThatIsNotHttpFailsConfigurationNamingTheKey() {
    Map<String, String> zipkin =
        Map.of("tracing.exporter", "zipkin", "tracing.exporter.zipkin.endpoint", "ftp://host/x");
    Map<String, String> otlp =
        Map.of("tracing.exporter", "otlp", "tracing.exporter.otlp.endpoint", "file:/v1/traces");

    assertThatThrownBy(() -> Exporters.create(TracingConfig.of(zipkin::get)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tracing.exporter.zipkin.endpoint");
    assertThatThrownBy(() -> Exporters.create(TracingConfig.of(otlp::get)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tracing.exporter.otlp.endpoint");
  }
}

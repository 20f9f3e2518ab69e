package org.codomyrmex.tracing.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import org.codomyrmex.tracing.Span;
import org.junit.jupiter.api.Test;

/** Retries, backoff, gzip negotiation and drop counting of the network exporters. */
class HttpSenderTest {
  private static final HttpSender.Settings FAST =
      new HttpSender.Settings(
          Duration.ofMillis(500),
          Duration.ofMillis(500),
          3,
          Duration.ofMillis(20),
          Duration.ofMillis(100),
          Duration.ofSeconds(2),
          Duration.ZERO, // no cool-down: probe a dead backend on the next batch
          Duration.ZERO,
          true);
  private static final HttpSender.Settings COOLING =
      new HttpSender.Settings(
          FAST.connectTimeout(),
          FAST.requestTimeout(),
          FAST.maxAttempts(),
          FAST.initialBackoff(),
          FAST.maxBackoff(),
          FAST.budget(),
          Duration.ofSeconds(2),
          Duration.ofSeconds(2),
          true);
  private static final List<Span> SPANS = SampleSpans.many("svc", 4);

  @Test
  void serverErrorsAreRetriedUntilTheBackendAccepts() throws IOException {
    try (CaptureServer backend = new CaptureServer(503, 500)) {
      ZipkinExporter exporter = new ZipkinExporter(backend.uri("/api/v2/spans"), FAST);
      exporter.export(SPANS);

      assertThat(backend.requests()).hasSize(3);
      assertThat(backend.requests())
          .extracting(r -> new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
          .containsOnly(
              new String(ZipkinJson.encode(SPANS), java.nio.charset.StandardCharsets.UTF_8));
      assertThat(exporter.exportedSpans()).isEqualTo(4);
      assertThat(exporter.droppedSpans()).isZero();
    }
  }

  @Test
  void batchIsDroppedAndCountedWhenTheAttemptsRunOut() throws IOException {
    try (CaptureServer backend = new CaptureServer(503, 503, 503, 503)) {
      OtlpHttpExporter exporter = new OtlpHttpExporter(backend.uri("/v1/traces"), FAST);
      exporter.export(SPANS);

      assertThat(backend.requests()).hasSize(3);
      assertThat(exporter.droppedSpans()).isEqualTo(4);
      assertThat(exporter.exportedSpans()).isZero();
    }
  }

  @Test
  void throttlingIsRetriedButOtherClientErrorsAreNot() throws IOException {
    try (CaptureServer backend = new CaptureServer(429, 400)) {
      ZipkinExporter exporter = new ZipkinExporter(backend.uri("/api/v2/spans"), FAST);
      exporter.export(SPANS);

      assertThat(backend.requests()).hasSize(2);
      assertThat(exporter.droppedSpans()).isEqualTo(4);
    }
  }

  @Test
  void bodiesAreGzippedUnlessTheBackendRefusesGzip() throws IOException {
    try (CaptureServer backend = new CaptureServer(200, 415)) {
      ZipkinExporter exporter = new ZipkinExporter(backend.uri("/api/v2/spans"), FAST);
      exporter.export(SPANS);
      exporter.export(SPANS);
      exporter.export(SPANS);

      List<CaptureServer.Request> requests = backend.requests();
      assertThat(requests)
          .extracting(r -> r.header("Content-Encoding"))
          .containsExactly("gzip", "gzip", null, null);
      assertThat(requests.get(0).rawBody()).isNotEqualTo(requests.get(0).body());
      assertThat(requests.get(2).rawBody()).isEqualTo(requests.get(0).body());
      assertThat(exporter.exportedSpans()).isEqualTo(12);
    }
  }

  @Test
  void bodiesAreCompressedAtTheFastestLevel() throws IOException {
    byte[] json = ZipkinJson.encode(SampleSpans.many("svc", 64));
    ByteArrayOutputStream fastest = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflate =
        new DeflaterOutputStream(fastest, new Deflater(Deflater.BEST_SPEED, true))) {
      deflate.write(json);
    }

    byte[] gzip = HttpSender.gzip(json);

    assertThat(new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes()).isEqualTo(json);
    // after the 10-byte gzip header, the raw deflate stream; then CRC-32 and length, 8 bytes
    assertThat(Arrays.copyOfRange(gzip, 10, gzip.length - 8)).isEqualTo(fastest.toByteArray());
  }

  @Test
  void aBackendThatComesBackLaterReceivesLaterSpans() throws IOException {
    int port = CaptureServer.freePort();
    URI endpoint = URI.create("http://127.0.0.1:" + port + "/v1/traces");
    OtlpHttpExporter exporter = new OtlpHttpExporter(endpoint, FAST);

    exporter.export(SPANS); // connection refused: retried, then dropped
    assertThat(exporter.droppedSpans()).isEqualTo(4);

    try (CaptureServer backend = CaptureServer.onPort(port)) {
      exporter.export(SPANS);
      assertThat(backend.requests()).hasSize(1);
      assertThat(exporter.exportedSpans()).isEqualTo(4);
    }
  }

  @Test
  void aBackendThatNeverAnswersCostsAtMostTheTimeBudget() throws IOException {
    // Connections complete in the kernel backlog but no request is ever answered.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      URI endpoint = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/api/v2/spans");
      ZipkinExporter exporter = new ZipkinExporter(endpoint, FAST);

      long start = System.nanoTime();
      exporter.export(SPANS);
      Duration first = Duration.ofNanos(System.nanoTime() - start);
      start = System.nanoTime();
      exporter.export(SPANS); // known down: a single attempt
      Duration second = Duration.ofNanos(System.nanoTime() - start);

      assertThat(first).isLessThan(FAST.budget().plusSeconds(1));
      assertThat(second).isLessThan(FAST.requestTimeout().plusSeconds(1));
      assertThat(exporter.droppedSpans()).isEqualTo(8);
    }
  }

  @Test
  void aBackendFoundDownIsLeftAloneForTheCooldownThenProbedAgain() throws Exception {
    int port = CaptureServer.freePort();
    URI endpoint = URI.create("http://127.0.0.1:" + port + "/v1/traces");
    OtlpHttpExporter exporter = new OtlpHttpExporter(endpoint, COOLING);
    exporter.export(SPANS); // refused: the cool-down starts

    try (CaptureServer backend = CaptureServer.onPort(port)) {
      exporter.export(SPANS); // within the cool-down: dropped without a request
      assertThat(backend.requests()).isEmpty();
      assertThat(exporter.droppedSpans()).isEqualTo(8);

      Thread.sleep(COOLING.cooldown().plusMillis(300).toMillis());
      exporter.export(SPANS);
      assertThat(backend.requests()).hasSize(1);
      assertThat(exporter.exportedSpans()).isEqualTo(4);
    }
  }
}

package org.codomyrmex.tracing.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.codomyrmex.tracing.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Retries, the outage buffer, gzip negotiation and drop counting of the network exporters. */
@Timeout(60)
class HttpDeliveryTest {
  static final HttpSender.Settings FAST =
      new HttpSender.Settings(
          Duration.ofSeconds(2),
          Duration.ofSeconds(2),
          Duration.ofMillis(20),
          Duration.ofMillis(100),
          true);
  private static final List<Span> SPANS = SampleSpans.many("svc", 4);
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  static HttpExporterOptions fast() {
    return HttpExporterOptions.defaults()
        .withTransport(FAST)
        .withFlushTimeout(Duration.ofSeconds(2));
  }

  @Test
  void serverErrorsAndThrottlingAreRetriedUntilTheBackendAccepts() throws IOException {
    try (CaptureServer backend = new CaptureServer(503, 500, 429)) {
      ZipkinExporter exporter = new ZipkinExporter(backend.uri("/api/v2/spans"), fast());
      exporter.export(SPANS);

      assertThat(exporter.flush(PATIENCE)).isTrue();
      assertThat(backend.requests())
          .hasSize(4)
          .extracting(r -> new String(r.body(), StandardCharsets.UTF_8))
          .containsOnly(new String(ZipkinJson.encode(SPANS), StandardCharsets.UTF_8));
      assertThat(exporter.exportedSpans()).isEqualTo(4);
      assertThat(exporter.droppedSpans()).isZero();
      exporter.shutdown();
    }
  }

  @Test
  void otherClientErrorsDropTheBatchAtOnce() throws IOException {
    try (CaptureServer backend = new CaptureServer(400)) {
      OtlpHttpExporter exporter = new OtlpHttpExporter(backend.uri("/v1/traces"), fast());
      exporter.export(SPANS);
      assertThat(exporter.flush(PATIENCE)).isTrue();
      exporter.export(SPANS);
      assertThat(exporter.flush(PATIENCE)).isTrue();

      assertThat(backend.requests()).hasSize(2);
      assertThat(exporter.droppedSpans()).isEqualTo(4);
      assertThat(exporter.exportedSpans()).isEqualTo(4);
      exporter.shutdown();
    }
  }

  @Test
  void bodiesAreGzippedUnlessTheBackendRefusesGzip() throws IOException {
    try (CaptureServer backend = new CaptureServer(200, 415)) {
      ZipkinExporter exporter = new ZipkinExporter(backend.uri("/api/v2/spans"), fast());
      for (int i = 0; i < 3; i++) {
        exporter.export(SPANS);
        assertThat(exporter.flush(PATIENCE)).isTrue();
      }

      List<CaptureServer.Request> requests = backend.requests();
      assertThat(requests)
          .extracting(r -> r.header("Content-Encoding"))
          .containsExactly("gzip", "gzip", null, null);
      assertThat(requests.get(0).rawBody()).isNotEqualTo(requests.get(0).body());
      assertThat(requests.get(2).rawBody()).isEqualTo(requests.get(0).body());
      assertThat(exporter.exportedSpans()).isEqualTo(12);
      exporter.shutdown();
    }
  }

  @Test
  void batchesKeptDuringAnOutageArriveInOrderOnceTheBackendAnswers() throws IOException {
    int port = CaptureServer.freePort();
    URI endpoint = URI.create("http://127.0.0.1:" + port + "/api/v2/spans");
    ZipkinExporter exporter = new ZipkinExporter(endpoint, fast());
    List<Span> spans = SampleSpans.many("svc", 10);
    for (int i = 0; i < spans.size(); i += 2) {
      exporter.export(spans.subList(i, i + 2)); // connection refused: kept
    }
    assertThat(exporter.flush(Duration.ofMillis(300))).isFalse();
    assertThat(exporter.droppedSpans()).isZero();

    try (CaptureServer backend = CaptureServer.onPort(port)) {
      assertThat(exporter.flush(PATIENCE)).isTrue();

      assertThat(receivedNames(backend)).containsExactlyElementsOf(names(spans));
      // The kept batches are joined: fewer requests than batches (the batch being retried when
      // the backend came back may go alone on a loaded machine).
      assertThat(backend.requests()).hasSizeBetween(1, 2);
      assertThat(exporter.exportedSpans()).isEqualTo(10);
      assertThat(exporter.droppedSpans()).isZero();
      exporter.shutdown();
    }
  }

  @Test
  void aBackendRefusingJoinedBatchesGetsThemOneByOne() throws IOException {
    int port = CaptureServer.freePort();
    URI endpoint = URI.create("http://127.0.0.1:" + port + "/api/v2/spans");
    OtlpHttpExporter exporter = new OtlpHttpExporter(endpoint, fast());
    List<Span> spans = SampleSpans.many("svc", 10);
    for (int i = 0; i < spans.size(); i += 2) {
      exporter.export(spans.subList(i, i + 2));
    }
    assertThat(exporter.flush(Duration.ofMillis(300))).isFalse();

    try (CaptureServer backend =
        CaptureServer.onPort(
            port,
            request ->
                new CaptureServer.Reply(
                    OtlpOutageIT.spanIds(request.body()).size() > 2 ? 413 : 200, "{}"))) {
      assertThat(exporter.flush(PATIENCE)).isTrue();

      assertThat(backend.requests()).hasSize(6); // the joined one refused, then five alone
      assertThat(exporter.exportedSpans()).isEqualTo(10);
      assertThat(exporter.droppedSpans()).isZero();
      exporter.shutdown();
    }
  }

  @Test
  void aFullBufferDropsTheOldestBatchesAndStaysWithinItsRoom() throws IOException {
    int port = CaptureServer.freePort();
    URI endpoint = URI.create("http://127.0.0.1:" + port + "/api/v2/spans");
    List<Span> spans = SampleSpans.many("svc", 40);
    long batchCost = HttpSender.gzip(ZipkinJson.encode(spans.subList(0, 1))).length + 64L;
    long room = batchCost * 5;
    ZipkinExporter exporter = new ZipkinExporter(endpoint, fast().withBufferBytes(room));
    for (Span span : spans) {
      exporter.export(List.of(span));
      assertThat(exporter.bufferedBytes()).isLessThanOrEqualTo(room);
    }
    assertThat(exporter.droppedSpans()).isGreaterThanOrEqualTo(30);

    try (CaptureServer backend = CaptureServer.onPort(port)) {
      assertThat(exporter.flush(PATIENCE)).isTrue();

      List<String> received = receivedNames(backend);
      assertThat(received).hasSize(40 - (int) exporter.droppedSpans());
      assertThat(received).isSubsetOf(names(spans)).isSortedAccordingTo(HttpDeliveryTest::byIndex);
      assertThat(received).endsWith("op-39"); // the newest are kept
      exporter.shutdown();
    }
  }

  @Test
  void aBackendThatNeverAnswersNeverHoldsUpExportAndBoundsFlushAndShutdown() throws Exception {
    // Connections complete in the kernel backlog but no request is ever answered.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      URI endpoint = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/api/v2/spans");
      ZipkinExporter exporter = new ZipkinExporter(endpoint, fast());

      long start = System.nanoTime();
      for (int i = 0; i < 50; i++) {
        exporter.export(SPANS);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));

      start = System.nanoTime();
      assertThat(exporter.flush(Duration.ofMillis(300))).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1300));

      start = System.nanoTime();
      exporter.shutdown();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(exporter.exportedSpans()).isZero();
      assertThat(exporter.droppedSpans()).isEqualTo(200); // reported at shutdown
    }
  }

  private static List<String> receivedNames(CaptureServer backend) {
    List<String> names = new ArrayList<>();
    for (CaptureServer.Request request : backend.requests()) {
      try {
        JsonSupport.MAPPER.readTree(request.body()).forEach(s -> names.add(s.get("name").asText()));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    return names;
  }

  private static List<String> names(List<Span> spans) {
    return spans.stream().map(Span::name).toList();
  }

  private static int byIndex(String a, String b) {
    return Integer.compare(Integer.parseInt(a.substring(3)), Integer.parseInt(b.substring(3)));
  }
}

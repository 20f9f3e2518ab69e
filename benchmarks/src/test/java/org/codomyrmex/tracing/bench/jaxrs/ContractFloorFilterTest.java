package org.codomyrmex.tracing.bench.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The benchmark's contract-floor control on its real server (Undertow, 127.0.0.1): the header on
 * the traced path only, and no span anywhere.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ContractFloorFilterTest {
  private static final List<String> PROPERTIES =
      List.of(
          "tracing.enabled", "tracing.jaxrs.skip-pattern", ContractFloorFilter.ENABLED_PROPERTY);
  private final LoopbackServer server = new LoopbackServer();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeEach
  void start() throws Exception {
    System.setProperty("tracing.enabled", "true");
    System.setProperty("tracing.jaxrs.skip-pattern", ".*/(untraced|hello)");
    System.setProperty(ContractFloorFilter.ENABLED_PROPERTY, "true");
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    try {
      server.stop();
    } finally {
      PROPERTIES.forEach(System::clearProperty);
    }
  }

  @Test
  void answersTheTracedPathWithTheHeaderAndRecordsNoSpan() throws Exception {
    HttpResponse<String> traced = get("/api/hello");
    HttpResponse<String> untraced = get("/api/untraced");

    assertThat(traced.statusCode()).isEqualTo(200);
    assertThat(traced.body()).isEqualTo("hello");
    assertThat(traced.headers().firstValue("X-Trace-Id"))
        .contains("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(untraced.statusCode()).isEqualTo(200);
    assertThat(untraced.headers().firstValue("X-Trace-Id")).isEmpty();
    assertThat(server.exportedSpans()).isZero();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}

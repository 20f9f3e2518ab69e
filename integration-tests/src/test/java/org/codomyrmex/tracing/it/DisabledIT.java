package org.codomyrmex.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.SeBootstrap;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.jaxrs.TracingClientFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** tracing.enabled=false: no spans, no headers, on the server and on the client. */
@ExtendWith(Services.class)
class DisabledIT {
  @Test
  void disabledTracingAddsNothing() throws Exception {
    Services.flushAll();
    CollectingExporter.INSTANCE.clear();
    String previous = System.getProperty("tracing.enabled");
    System.setProperty("tracing.enabled", "false");
    int port = Services.freePort();
    SeBootstrap.Instance server = null;
    Client client = null;
    try {
      server = Services.start(new LoadApp("disabled-app"), port, Services.plainServer());
      client = ClientBuilder.newBuilder().register(TracingClientFeature.class).build();
      HttpResponse<String> response =
          Http.get(URI.create("http://127.0.0.1:" + port + "/load/ping"));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("X-Trace-Id")).isEmpty();
      String headers =
          client.target(Services.backend("backend/headers")).request().get(String.class);
      assertThat(headers).doesNotContain("x-trace-id", "x-span-id", "x-sampled");
    } finally {
      LoadIT.restore("tracing.enabled", previous);
      if (client != null) {
        client.close();
      }
      Services.stop(server);
    }
    Http.frontend("api/orders/1"); // a traced request after it, to know the pipeline ran
    var all =
        CollectingExporter.INSTANCE.await(
            s -> s.stream().anyMatch(x -> x.name().equals("GET /api/orders/{id}")),
            Duration.ofSeconds(10));
    assertThat(all).extracting(Span::kind).doesNotContain(org.codomyrmex.tracing.SpanKind.CLIENT);
    assertThat(all)
        .noneMatch(s -> "disabled-app".equals(s.attributes().get("service.name")))
        .noneMatch(s -> s.name().startsWith("GET /load"));
  }
}

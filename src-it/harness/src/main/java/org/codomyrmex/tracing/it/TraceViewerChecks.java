package org.codomyrmex.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The trace viewer ({@code tracing-ui}) on a runtime whose configuration sets {@code
 * tracing.ui.enabled=true}: a runtime's test implements this next to extending {@link
 * TracingScenario}.
 */
public interface TraceViewerChecks {
  /** Returns the application's base URI, {@code http://127.0.0.1:<port>/}. */
  URI base();

  @Test
  default void traceViewerShowsTheRecordedTraceAndServesItsPage() throws Exception {
    String traceId = TracingScenario.hex(32);
    HttpResponse<String> order =
        HttpCalls.get(
            base().resolve("api/orders/77"),
            Map.of("X-Trace-Id", traceId, "X-Span-Id", TracingScenario.hex(16)));
    assertThat(order.statusCode()).as(order.body()).isEqualTo(200);

    JsonNode trace = awaitTrace(traceId);
    assertThat(trace.get("root_name").asText()).isEqualTo("GET /api/orders/{id}");
    assertThat(trace.get("spans").findValuesAsText("name"))
        .contains("GET /api/orders/{id}", "InventoryService.reserve", "GET /api/stock/{sku}");
    HttpResponse<String> list = viewer("api/traces");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(list.body()).get("traces").findValuesAsText("trace_id"))
        .contains(traceId);

    HttpResponse<String> page = viewer("");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/api/tracing/viewer.js", "/api/tracing/viewer.css");
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(page.headers().firstValue("X-Trace-Id")).as("the viewer is not traced").isEmpty();
    assertThat(viewer("viewer.js").body()).contains("textContent");
  }

  private HttpResponse<String> viewer(String path) {
    return HttpCalls.get(base().resolve("api/tracing/" + path), Map.of());
  }

  private JsonNode awaitTrace(String traceId) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = viewer("api/traces/" + traceId);
      last = response.statusCode() + " " + response.body();
      if (response.statusCode() == 200) {
        JsonNode trace = new ObjectMapper().readTree(response.body());
        if (trace.get("span_count").asInt() >= 5) {
          return trace;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the viewer never showed trace " + traceId + "; last: " + last);
  }
}

package org.codomyrmex.tracing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.codomyrmex.tracing.Span;
import org.junit.jupiter.api.Test;

class TraceJsonTest {
  private static final ObjectMapper READER = new ObjectMapper();

  @Test
  void listsSummariesWithTheContractsFields() throws Exception {
    TraceStore store = new TraceStore(5);
    List<Span> spans = SampleTraces.checkout("shop");
    store.record(spans);

    JsonNode trace = READER.readTree(TraceJson.list(store.summaries())).get("traces").get(0);
    assertThat(trace.get("trace_id").asText()).isEqualTo(spans.get(0).traceId());
    assertThat(trace.get("root_name").asText()).isEqualTo("GET /api/orders/{id}");
    assertThat(trace.get("service").asText()).isEqualTo("shop");
    assertThat(trace.get("span_count").asInt()).isEqualTo(3);
    assertThat(trace.get("error_count").asInt()).isEqualTo(1);
    assertThat(trace.get("start_time").decimalValue().movePointRight(6).longValue())
        .isEqualTo(store.summaries().get(0).startNanos() / 1_000);
    assertThat(trace.get("duration_ms").asDouble()).isPositive();
  }

  @Test
  void writesATraceWithItsSpansEventsAndStackTraces() throws Exception {
    TraceStore store = new TraceStore(5);
    List<Span> spans = SampleTraces.checkout("shop");
    store.record(spans);

    String json = TraceJson.trace(store.trace(spans.get(0).traceId()).orElseThrow());
    JsonNode failing = READER.readTree(json).get("spans").get(2);
    assertThat(failing.get("name").asText()).isEqualTo("GET /stock");
    assertThat(failing.get("status").asText()).isEqualTo("error");
    JsonNode exception = failing.get("events").get(0).get("attributes");
    assertThat(exception.get("exception.message").asText()).isEqualTo("stock <b>down</b>");
    assertThat(exception.get("exception.stacktrace").asText())
        .contains("IllegalStateException", "SampleTraces.checkout");
  }

  @Test
  void escapesEveryCharacterThatMeansSomethingToHtml() throws Exception {
    TraceStore store = new TraceStore(5);
    List<Span> spans = SampleTraces.checkout("<script>&\"'");
    store.record(spans);

    String list = TraceJson.list(store.summaries());
    String trace = TraceJson.trace(store.trace(spans.get(0).traceId()).orElseThrow());
    for (String json : List.of(list, trace)) {
      assertThat(json).doesNotContain("<", ">", "&", "'");
    }
    assertThat(trace).contains("\\u003Cimg src=x onerror=alert(1)\\u003E");
    // still the same text once parsed
    assertThat(READER.readTree(list).get("traces").get(0).get("service").asText())
        .isEqualTo("<script>&\"'");
  }
}

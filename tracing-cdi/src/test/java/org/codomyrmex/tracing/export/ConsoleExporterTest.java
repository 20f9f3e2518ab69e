package org.codomyrmex.tracing.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.Tracer;
import org.junit.jupiter.api.Test;

class ConsoleExporterTest {

  @Test
  void compactModeWritesOneJsonDocumentPerLineInTheContractFormat() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Tracer tracer =
        Tracer.create(
            "console",
            new ConsoleExporter(false, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
    Span span = tracer.startSpan("GET /orders/{id}", SpanKind.SERVER);
    span.setAttribute("http.response.status_code", 200L).addEvent("ready");
    span.recordException(new IllegalStateException("x"));
    span.finish();
    tracer.shutdown();

    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
    assertThat(lines).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(lines[0]);
    assertThat(json.get("name").asText()).isEqualTo("GET /orders/{id}");
    assertThat(json.get("kind").asText()).isEqualTo("server");
    assertThat(json.get("status").asText()).isEqualTo("error");
    assertThat(json.get("trace_id").asText()).isEqualTo(span.traceId());
    assertThat(json.get("parent_span_id").isNull()).isTrue();
    assertThat(json.get("start_time").isNumber()).isTrue();
    assertThat(lines[0]).doesNotContain("E9").containsPattern("\"start_time\":\\d{10}\\.\\d{6}");
    assertThat(json.get("duration_ms").decimalValue())
        .isEqualByComparingTo(
            json.get("end_time")
                .decimalValue()
                .subtract(json.get("start_time").decimalValue())
                .movePointRight(3));
    assertThat(json.get("attributes").get("http.response.status_code").asLong()).isEqualTo(200);
    assertThat(json.get("events").get(0).get("name").asText()).isEqualTo("ready");
    assertThat(json.get("events").get(1).get("attributes").get("exception.type").asText())
        .isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void resourceAttributesFollowServiceNameInEverySpan() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Map<String, String> resource = new LinkedHashMap<>();
    resource.put("service.version", "1.4.2");
    resource.put("deployment.environment", "prod");
    Tracer tracer = Tracer.create("console", new ConsoleExporter(false, out, resource));
    Span span = tracer.startSpan("op");
    span.setAttribute("deployment.environment", "canary").setAttribute("k", "v");
    span.finish();
    tracer.shutdown();

    JsonNode attributes = new ObjectMapper().readTree(bytes.toByteArray()).get("attributes");
    assertThat(attributes.toString())
        .isEqualTo(
            "{\"service.name\":\"console\",\"service.version\":\"1.4.2\","
                + "\"deployment.environment\":\"canary\",\"k\":\"v\"}");
  }

  @Test
  void prettyIsTheDefault() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      Tracer tracer = Tracer.create("pretty", new ConsoleExporter());
      tracer.startSpan("op").finish();
      tracer.shutdown();
    } finally {
      System.setOut(original);
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("\"name\" : \"op\"").contains(System.lineSeparator() + "  ");
  }
}

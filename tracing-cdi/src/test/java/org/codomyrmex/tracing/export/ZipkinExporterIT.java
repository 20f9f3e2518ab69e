package org.codomyrmex.tracing.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.internal.Exporters;
import org.codomyrmex.tracing.internal.TracingConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Zipkin exporter against a real Zipkin server (3.6.1) on loopback. */
@Timeout(180)
class ZipkinExporterIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static ZipkinExporter early;
  private static List<Span> beforeZipkin;
  private static ZipkinServer zipkin;

  @BeforeAll
  static void startZipkinAfterAFirstFailedExport() throws Exception {
    int port = CaptureServer.freePort();
    early = new ZipkinExporter(java.net.URI.create("http://127.0.0.1:" + port + "/api/v2/spans"));
    beforeZipkin = SampleSpans.many("early", 3);
    early.export(beforeZipkin); // nothing listens yet: kept
    zipkin = ZipkinServer.start(port);
  }

  @AfterAll
  static void stopZipkin() throws InterruptedException {
    if (zipkin != null) {
      zipkin.close();
    }
  }

  @Test
  void zipkinStoresEverySpanWithTheV2Mapping() throws Exception {
    List<Span> spans = SampleSpans.trace("Checkout");
    ZipkinExporter exporter = new ZipkinExporter(zipkin.spansEndpoint());
    exporter.export(spans);

    assertThat(exporter.flush(PATIENCE)).isTrue();
    assertThat(exporter.exportedSpans()).isEqualTo(3);
    JsonNode trace = zipkin.awaitTrace(spans.get(0).traceId(), t -> t.size() == 3);
    assertThat(trace).hasSize(3);
    Map<String, JsonNode> byId = new HashMap<>();
    trace.forEach(s -> byId.put(s.get("id").asText(), s));
    for (Span span : spans) {
      assertStored(byId.get(span.spanId()), span);
    }
  }

  private static void assertStored(JsonNode stored, Span span) {
    assertThat(stored).as(span.name()).isNotNull();
    assertThat(stored.get("traceId").asText()).hasSize(32).isEqualTo(span.traceId());
    assertThat(text(stored, "parentId")).isEqualTo(span.parentSpanId());
    assertThat(text(stored, "kind"))
        .isEqualTo(span.kind() == SpanKind.INTERNAL ? null : span.kind().name());
    // Zipkin lowercases span and service names.
    assertThat(stored.get("name").asText()).isEqualTo(span.name().toLowerCase(Locale.ROOT));
    assertThat(stored.at("/localEndpoint/serviceName").asText()).isEqualTo("checkout");
    assertThat(stored.get("timestamp").asLong()).isEqualTo(span.startEpochNanos() / 1000);
    assertThat(stored.get("duration").asLong())
        .isEqualTo(Math.max(1, span.endEpochNanos() / 1000 - span.startEpochNanos() / 1000));
    assertThat(tags(stored)).isEqualTo(expectedTags(span));
    assertThat(stored.path("annotations")).hasSize(span.events().size());
    for (int i = 0; i < span.events().size(); i++) {
      JsonNode annotation = stored.get("annotations").get(i);
      assertThat(annotation.get("timestamp").asLong())
          .isEqualTo(span.events().get(i).epochNanos() / 1000);
      assertThat(annotation.get("value").asText()).startsWith(span.events().get(i).name());
    }
  }

  private static Map<String, String> expectedTags(Span span) {
    Map<String, String> tags = new HashMap<>();
    span.attributes().forEach((k, v) -> tags.put(k, ZipkinJson.tagValue(v)));
    tags.remove("service.name");
    if (span.name().equals("call inventory")) {
      tags.put("error", "inventory down");
    }
    return tags;
  }

  @Test
  void typedAttributesBecomeStringTagsAndTheErrorStatusTheErrorTag() throws Exception {
    List<Span> spans = SampleSpans.trace("checkout");
    ZipkinExporter exporter = new ZipkinExporter(zipkin.spansEndpoint());
    exporter.export(spans);
    exporter.shutdown();

    JsonNode trace = zipkin.awaitTrace(spans.get(0).traceId(), t -> t.size() == 3);
    JsonNode root = find(trace, spans.get(2).spanId());
    JsonNode client = find(trace, spans.get(0).spanId());
    assertThat(tags(root))
        .containsEntry("http.response.status_code", "200")
        .containsEntry("ratio", "0.25")
        .containsEntry("cached", "true")
        .containsEntry("tags", "[\"a\",\"b\"]")
        .doesNotContainKey("error");
    assertThat(tags(client)).containsEntry("error", "inventory down");
    assertThat(root.at("/annotations/0/value").asText()).isEqualTo("validated {\"items\":3}");
    assertThat(client.at("/annotations/0/value").asText())
        .startsWith("exception {\"exception.type\":\"java.lang.IllegalStateException\"");
  }

  @Test
  void aZipkinThatStartsLaterReceivesTheSpansKeptBeforeAndLaterOnes() throws Exception {
    List<Span> later = SampleSpans.many("early", 2);
    early.export(later);

    assertThat(early.flush(PATIENCE)).isTrue();
    assertThat(early.droppedSpans()).isZero();
    assertThat(early.exportedSpans()).isEqualTo(5);
    assertThat(zipkin.awaitTrace(beforeZipkin.get(0).traceId(), t -> t.size() == 1)).hasSize(1);
    assertThat(zipkin.awaitTrace(later.get(1).traceId(), t -> t.size() == 1)).hasSize(1);
  }

  @Test
  void configuredJsonlAndZipkinBothReceiveEverySpanWithTheResourceAttributes(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("traces.jsonl");
    Map<String, String> settings =
        Map.of(
            "tracing.exporter",
            "jsonl,zipkin",
            "tracing.exporter.jsonl.path",
            file.toString(),
            "tracing.exporter.zipkin.endpoint",
            zipkin.spansEndpoint().toString(),
            "tracing.resource.attributes",
            "service.version=1.4.2,deployment.environment=prod");
    Tracer tracer = Tracer.create("both", Exporters.create(TracingConfig.of(settings::get)));
    Span root = tracer.startSpan("root");
    for (int i = 0; i < 24; i++) {
      tracer.startSpan("child-" + i, SpanKind.INTERNAL, root.context(), null).finish();
    }
    root.finish();
    tracer.shutdown();

    assertThat(Files.readAllLines(file))
        .hasSize(25)
        .allSatisfy(
            line ->
                assertThat(JSON.readTree(line).get("attributes").toString())
                    .startsWith(
                        "{\"service.name\":\"both\",\"service.version\":\"1.4.2\","
                            + "\"deployment.environment\":\"prod\""));
    JsonNode trace = zipkin.awaitTrace(root.traceId(), t -> t.size() == 25);
    assertThat(trace).hasSize(25);
    trace.forEach(
        span ->
            assertThat(tags(span))
                .containsEntry("service.version", "1.4.2")
                .containsEntry("deployment.environment", "prod"));
    assertThat(tracer.droppedSpans()).isZero();
  }

  private static JsonNode find(JsonNode trace, String spanId) {
    for (JsonNode span : trace) {
      if (span.get("id").asText().equals(spanId)) {
        return span;
      }
    }
    throw new AssertionError("span " + spanId + " not in " + trace);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> tags(JsonNode span) {
    return span.has("tags") ? JSON.convertValue(span.get("tags"), Map.class) : Map.of();
  }

  private static String text(JsonNode node, String field) {
    return node.has(field) ? node.get(field).asText() : null;
  }
}

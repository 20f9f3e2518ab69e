package org.codomyrmex.tracing.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanStatus;
import org.junit.jupiter.api.Test;

/** The Zipkin v2 mapping where no server is needed to see it (the IT checks the rest). */
class ZipkinJsonTest {
  private static final ObjectMapper STRICT =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  @Test
  void anErrorAttributeYieldsToTheErrorStatus() throws Exception {
    List<Span> spans =
        SampleSpans.record(
            "svc",
            tracer -> {
              Span span = tracer.startSpan("op");
              span.setAttribute("error", "from attribute");
              span.setStatus(SpanStatus.ERROR, "from status");
              span.finish();
            });

    JsonNode tags = STRICT.readTree(ZipkinJson.encode(spans)).get(0).get("tags");

    assertThat(tags.get("error").asText()).isEqualTo("from status");
  }

  @Test
  void internalSpansHaveNoKindAndEverySpanLastsAtLeastAMicrosecond() throws Exception {
    List<Span> spans = SampleSpans.many("svc", 1);

    JsonNode span = STRICT.readTree(ZipkinJson.encode(spans)).get(0);

    assertThat(span.has("kind")).isFalse();
    assertThat(span.get("duration").asLong()).isPositive();
    assertThat(span.get("tags").has("service.name")).isFalse();
    assertThat(span.at("/localEndpoint/serviceName").asText()).isEqualTo("svc");
  }

  @Test
  void resourceAttributesAreTagsOfEverySpanUnlessTheSpanHasItsOwn() throws Exception {
    List<Span> spans =
        SampleSpans.record(
            "svc",
            tracer -> {
              tracer.startSpan("plain").finish();
              Span own = tracer.startSpan("own");
              own.setAttribute("deployment.environment", "canary");
              own.finish();
            });
    Map<String, String> resource =
        Map.of("service.version", "1.4.2", "deployment.environment", "prod");

    JsonNode json = STRICT.readTree(ZipkinJson.encode(spans, resource));

    assertThat(STRICT.convertValue(json.get(0).get("tags"), Map.class))
        .containsEntry("service.version", "1.4.2")
        .containsEntry("deployment.environment", "prod");
    assertThat(STRICT.convertValue(json.get(1).get("tags"), Map.class))
        .containsEntry("service.version", "1.4.2")
        .containsEntry("deployment.environment", "canary");
  }

  @Test
  void anErrorWithoutMessageIsStillMarked() throws Exception {
    List<Span> spans =
        SampleSpans.record(
            "svc",
            tracer -> {
              Span span = tracer.startSpan("op");
              span.setStatus(SpanStatus.ERROR);
              span.finish();
            });

    JsonNode tags = STRICT.readTree(ZipkinJson.encode(spans)).get(0).get("tags");

    assertThat(STRICT.convertValue(tags, Map.class)).containsEntry("error", "true");
  }
}

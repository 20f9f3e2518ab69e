package org.codomyrmex.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpanContextTest {
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN = "00f067aa0ba902b7";
  private static final String PARENT = "1111111111111111";

  @Test
  void mapRoundTripKeepsEveryField() {
    SpanContext context = SpanContext.create(TRACE, SPAN, PARENT, false, Map.of("tenant", "acme"));

    Map<String, Object> map = context.toMap();

    assertThat(map)
        .containsOnlyKeys("trace_id", "span_id", "parent_span_id", "sampled", "baggage")
        .containsEntry("trace_id", TRACE)
        .containsEntry("span_id", SPAN)
        .containsEntry("parent_span_id", PARENT)
        .containsEntry("sampled", false)
        .containsEntry("baggage", Map.of("tenant", "acme"));
    assertThat(SpanContext.fromMap(map)).isEqualTo(context);
  }

  @Test
  void headersRoundTrip() {
    SpanContext context = SpanContext.create(TRACE, SPAN, PARENT, true, Map.of());

    Map<String, String> headers = context.toHeaders();

    assertThat(headers)
        .containsExactly(
            Map.entry("X-Trace-Id", TRACE),
            Map.entry("X-Span-Id", SPAN),
            Map.entry("X-Parent-Span-Id", PARENT),
            Map.entry("X-Sampled", "true"));
    assertThat(SpanContext.fromHeaders(headers)).contains(context);
  }

  @Test
  void rootContextHasNoParentHeader() {
    SpanContext context = SpanContext.create(TRACE, SPAN, null, true, null);

    assertThat(context.toHeaders()).doesNotContainKey("X-Parent-Span-Id");
    assertThat(context.parentSpanId()).isNull();
  }

  @Test
  void headerNamesAreCaseInsensitiveAndValuesNormalised() {
    Map<String, String> headers = new HashMap<>();
    headers.put("x-trace-id", TRACE.toUpperCase());
    headers.put("X-SPAN-ID", " " + SPAN.toUpperCase() + "\t");
    headers.put("x-sampled", "FALSE");

    SpanContext context = SpanContext.fromHeaders(headers).orElseThrow();

    assertThat(context.traceId()).isEqualTo(TRACE);
    assertThat(context.spanId()).isEqualTo(SPAN);
    assertThat(context.sampled()).isFalse();
  }

  @Test
  void shortTraceIdIsLeftPadded() {
    Optional<SpanContext> context =
        SpanContext.fromHeaders(Map.of("X-Trace-Id", "a3ce929d0e0e4736", "X-Span-Id", SPAN));

    assertThat(context.orElseThrow().traceId()).isEqualTo("0000000000000000a3ce929d0e0e4736");
  }

  @Test
  void dashedUuidTraceIdIsAccepted() {
    Optional<SpanContext> context =
        SpanContext.fromHeaders(
            Map.of("X-Trace-Id", "4BF92F35-77B3-4DA6-A3CE-929D0E0E4736", "X-Span-Id", SPAN));

    assertThat(context.orElseThrow().traceId()).isEqualTo(TRACE);
  }

  @Test
  void missingHeadersGiveEmpty() {
    assertThat(SpanContext.fromHeaders(Map.of())).isEmpty();
    assertThat(SpanContext.fromHeaders(Map.of("X-Trace-Id", TRACE))).isEmpty();
    assertThat(SpanContext.fromHeaders(Map.of("X-Span-Id", SPAN))).isEmpty();
    assertThat(SpanContext.fromHeaders((Map<String, String>) null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "xyz92f3577b34da6a3ce929d0e0e4736",
        "4bf92f3577b34da6a3ce929d0e0e473",
        "4bf92f3577b34da6a3ce929d0e0e47361",
        "00000000000000000000000000000000",
        "0000000000000000",
        "4bf92f3577b34da6a3ce929d0e0e4736\r\nX-Evil: 1",
        "4bf92f3577b34da6a3ce929d0e0e4736\r\n",
        "4bf92f35-77b3-4da6-a3ce_929d0e0e4736",
        "4bf92f3577b34da6a3ce929d0e0e4736aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "+bf92f3577b34da6",
        "４bf92f3577b34da6"
      })
  void hostileTraceIdsAreRejected(String traceId) {
    assertThat(SpanContext.fromHeaders(Map.of("X-Trace-Id", traceId, "X-Span-Id", SPAN))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "00f067aa0ba902b",
        "00f067aa0ba902b70",
        "0000000000000000",
        "00f067aa0ba9g2b7",
        "00f067aa0ba902b7\n",
        "-0f067aa0ba902b7"
      })
  void hostileSpanIdsAreRejected(String spanId) {
    assertThat(SpanContext.fromHeaders(Map.of("X-Trace-Id", TRACE, "X-Span-Id", spanId))).isEmpty();
  }

  @Test
  void overLongValuesAreNeverParsed() {
    String huge = "a".repeat(1_000_000);
    assertThat(SpanContext.fromHeaders(Map.of("X-Trace-Id", huge, "X-Span-Id", SPAN))).isEmpty();
  }

  @Test
  void malformedParentIsIgnoredAndSampledDefaultsToTrue() {
    SpanContext context =
        SpanContext.fromHeaders(
                Map.of(
                    "X-Trace-Id",
                    TRACE,
                    "X-Span-Id",
                    SPAN,
                    "X-Parent-Span-Id",
                    "nope",
                    "X-Sampled",
                    "maybe"))
            .orElseThrow();

    assertThat(context.parentSpanId()).isNull();
    assertThat(context.sampled()).isTrue();
  }

  @Test
  void getterVariantAsksForCanonicalNames() {
    Map<String, String> lower = Map.of("x-trace-id", TRACE, "x-span-id", SPAN);

    Optional<SpanContext> context = SpanContext.fromHeaders(name -> lower.get(name.toLowerCase()));

    assertThat(context.orElseThrow().spanId()).isEqualTo(SPAN);
  }

  @Test
  void createRejectsBadIdsWithAClearMessage() {
    assertThatThrownBy(() -> SpanContext.create("zz", SPAN, null, true, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trace id");
    assertThatThrownBy(() -> SpanContext.fromMap(Map.of("trace_id", TRACE)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalityIsByValue() {
    SpanContext a = SpanContext.create(TRACE, SPAN, null, true, Map.of());
    SpanContext b = SpanContext.create(TRACE.toUpperCase(), SPAN, null, true, Map.of());

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(SpanContext.create(TRACE, SPAN, null, false, Map.of()));
    assertThat(a.baggage()).isUnmodifiable();
  }
}

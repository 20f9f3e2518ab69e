package org.codomyrmex.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.codomyrmex.tracing.SpanContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** W3C Trace Context: parsing rules of traceparent, tracestate pass-through, combined mode. */
class W3cPropagationTest {
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN = "00f067aa0ba902b7";
  private static final String VALID = "00-" + TRACE + "-" + SPAN + "-01";

  private final W3cPropagation w3c = new W3cPropagation(new TraceStates());

  @Test
  void validTraceparentBecomesARemoteParent() {
    SpanContext context = extract(Map.of("traceparent", VALID)).orElseThrow();

    assertThat(context.traceId()).isEqualTo(TRACE);
    assertThat(context.spanId()).isEqualTo(SPAN);
    assertThat(context.parentSpanId()).isNull();
    assertThat(context.sampled()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"00", "01", "02", "03", "fe", "ff"})
  void sampledIsTheLowestFlagBit(String flags) {
    boolean sampled = (Integer.parseInt(flags, 16) & 1) == 1;

    assertThat(extract(Map.of("traceparent", "00-" + TRACE + "-" + SPAN + "-" + flags)))
        .get()
        .extracting(SpanContext::sampled)
        .isEqualTo(sampled);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "00-" + TRACE + "-" + SPAN + "-1", // flags too short
        "00-" + TRACE + "-" + SPAN + "-011", // version 00 is exactly 55 characters
        "00-" + TRACE + "-" + SPAN + "-01-extra", // version 00 has no extra fields
        "00-" + TRACE + "0-" + SPAN + "-01", // trace id too long
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-" + SPAN + "-01", // uppercase hex
        "00-" + TRACE + "-00F067AA0BA902B7-01", // uppercase hex
        "00-00000000000000000000000000000000-" + SPAN + "-01", // all-zero trace id
        "00-" + TRACE + "-0000000000000000-01", // all-zero parent id
        "ff-" + TRACE + "-" + SPAN + "-01", // version ff is invalid
        "0g-" + TRACE + "-" + SPAN + "-01", // version not hex
        "00_" + TRACE + "-" + SPAN + "-01", // wrong separator
        "00-" + TRACE + "-" + SPAN + "-0g", // flags not hex
        "00-4bf92f3577b34da6a3ce929d0e0e473-" + SPAN + "0-01", // misplaced dash
        "01-" + TRACE + "-" + SPAN + "-01x", // later version: more only after a dash
      })
  void invalidTraceparentIsIgnored(String value) {
    assertThat(extract(Map.of("traceparent", value))).isEmpty();
  }

  @Test
  void laterVersionsAreReadByTheirVersion00Prefix() {
    assertThat(extract(Map.of("traceparent", "cc-" + TRACE + "-" + SPAN + "-01-what-ever")))
        .get()
        .extracting(SpanContext::traceId)
        .isEqualTo(TRACE);
    assertThat(extract(Map.of("traceparent", "01-" + TRACE + "-" + SPAN + "-00"))).isPresent();
  }

  @Test
  void surroundingWhitespaceIsNotPartOfTheValue() {
    assertThat(extract(Map.of("traceparent", " \t" + VALID + " "))).isPresent();
  }

  @Test
  void missingTraceparentIsEmptyEvenWithTracestate() {
    assertThat(extract(Map.of("tracestate", "congo=t61rcWkgMzE"))).isEmpty();
  }

  @Test
  void injectWritesVersion00WithTheSampledFlag() {
    SpanContext sampled = SpanContext.create(TRACE, SPAN, "1111111111111111", true, null);
    SpanContext notSampled = SpanContext.create(TRACE, SPAN, null, false, null);

    assertThat(inject(w3c, sampled)).containsExactly(Map.entry("traceparent", VALID));
    assertThat(inject(w3c, notSampled))
        .containsExactly(Map.entry("traceparent", "00-" + TRACE + "-" + SPAN + "-00"));
  }

  @Test
  void tracestateIsCarriedToOutgoingRequestsOfTheSameTrace() {
    String state = "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE";
    extract(Map.of("traceparent", VALID, "tracestate", state)).orElseThrow();
    SpanContext child = SpanContext.create(TRACE, "1234567890abcdef", SPAN, true, null);
    SpanContext otherTrace = SpanContext.create("1" + TRACE.substring(1), SPAN, null, true, null);

    assertThat(inject(w3c, child))
        .containsEntry("traceparent", "00-" + TRACE + "-1234567890abcdef-01")
        .containsEntry("tracestate", state);
    assertThat(inject(w3c, otherTrace)).doesNotContainKey("tracestate");
  }

  @ParameterizedTest
  @ValueSource(strings = {"no-equals-sign", "Upper=1", "k=v\u0001", "k=a=b", "=v"})
  void malformedTracestateIsDropped(String state) {
    extract(Map.of("traceparent", VALID, "tracestate", state)).orElseThrow();

    assertThat(inject(w3c, SpanContext.create(TRACE, SPAN, null, true, null)))
        .doesNotContainKey("tracestate");
  }

  @Test
  void aNewRequestWithoutTracestateForgetsTheOldOne() {
    extract(Map.of("traceparent", VALID, "tracestate", "a=1"));
    extract(Map.of("traceparent", VALID));

    assertThat(inject(w3c, SpanContext.create(TRACE, SPAN, null, true, null)))
        .doesNotContainKey("tracestate");
  }

  @Test
  void configuredCombinedModeWritesBothAndReadsEither() {
    Propagation both =
        Propagation.fromConfig(TracingConfig.of(Map.of("tracing.propagation", "x-trace,w3c")::get));
    SpanContext context = SpanContext.create(TRACE, SPAN, null, true, null);

    assertThat(inject(both, context))
        .containsEntry("traceparent", VALID)
        .containsEntry("X-Trace-Id", TRACE)
        .containsEntry("X-Span-Id", SPAN);
    assertThat(both.extract(headers(Map.of("traceparent", VALID)))).contains(context);
    assertThat(both.extract(headers(Map.of("X-Trace-Id", TRACE, "X-Span-Id", SPAN))))
        .get()
        .extracting(SpanContext::spanId)
        .isEqualTo(SPAN);
  }

  @Test
  void combinedModeKeepsTheTracestateWhenXTraceWins() {
    Propagation both =
        Propagation.fromConfig(TracingConfig.of(Map.of("tracing.propagation", "x-trace,w3c")::get));
    String trace = "7" + TRACE.substring(1);
    Map<String, String> carrier =
        Map.of(
            "X-Trace-Id",
            trace,
            "X-Span-Id",
            SPAN,
            "traceparent",
            "00-" + trace + "-" + SPAN + "-01",
            "tracestate",
            "combined=1");

    SpanContext parent = both.extract(headers(carrier)).orElseThrow();

    assertThat(inject(both, SpanContext.create(trace, "1234567890abcdef", SPAN, true, null)))
        .containsEntry("tracestate", "combined=1");
    assertThat(parent.traceId()).isEqualTo(trace);
  }

  @Test
  void defaultPropagationIgnoresTraceparent() {
    Propagation defaults = Propagation.fromConfig(TracingConfig.of(key -> null));
    SpanContext context = SpanContext.create(TRACE, SPAN, null, true, null);

    assertThat(defaults.extract(headers(Map.of("traceparent", VALID)))).isEmpty();
    assertThat(inject(defaults, context)).doesNotContainKey("traceparent");
  }

  private Optional<SpanContext> extract(Map<String, String> carrier) {
    return w3c.extract(headers(carrier));
  }

  // Header lookup as servers do it: case-insensitive.
  private static java.util.function.Function<String, String> headers(Map<String, String> carrier) {
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    map.putAll(carrier);
    return map::get;
  }

  private static Map<String, String> inject(Propagation propagation, SpanContext context) {
    Map<String, String> out = new LinkedHashMap<>();
    propagation.inject(context, out::put);
    return out;
  }
}

package org.codomyrmex.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.codomyrmex.tracing.export.InMemoryExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpanTest {
  private final InMemoryExporter memory = new InMemoryExporter();
  private final Tracer tracer = Tracer.create("orders", memory);

  @AfterEach
  void shutdown() {
    tracer.shutdown();
  }

  @Test
  void singleAttributesAndIterationAgreeWithTheSnapshot() {
    Span span = tracer.startSpan("op");
    span.setAttribute("a", "1").setAttribute("b", 2L).setAttribute("c", true);
    span.setAttribute("d", 4.5).setAttribute("a", "one");
    Span renamed = tracer.startSpan("other");
    renamed.setAttribute("x", "y").setAttribute("service.name", "billing");

    for (Span s : List.of(span, renamed)) {
      Map<String, Object> iterated = new java.util.LinkedHashMap<>();
      s.forEachAttribute(iterated::put);
      assertThat(iterated).containsExactlyEntriesOf(s.attributes());
      s.attributes().forEach((key, value) -> assertThat(s.attribute(key)).isEqualTo(value));
    }
    assertThat(span.attribute("a")).isEqualTo("one");
    assertThat(span.attribute("service.name")).isEqualTo("orders");
    assertThat(span.attribute("missing")).isNull();
    assertThat(renamed.attributes().keySet()).containsExactly("service.name", "x");
    assertThat(renamed.attribute("service.name")).isEqualTo("billing");
    Span unrecorded = Tracer.create("quiet", memory, Sampler.never()).startSpan("op");
    for (Span s : List.of(span, unrecorded)) {
      assertThat(s.attribute(null)).isNull();
      s.forEachAttribute(null); // never throws into the application
    }
    assertThat(unrecorded.attribute("service.name")).isEqualTo("quiet");
  }

  @Test
  void attributesOfEveryTypeAndServiceName() {
    Span span = tracer.startSpan("op");
    span.setAttribute("s", "text")
        .setAttribute("l", 42L)
        .setAttribute("d", 1.5)
        .setAttribute("b", true)
        .setAttribute("o", List.of(1, "two"))
        .setAttribute("x", new StringBuilder("sb"))
        .setAttributes(Map.of("m", 7));
    span.setAttribute("s", "replaced");

    assertThat(span.attributes())
        .containsEntry("service.name", "orders")
        .containsEntry("s", "replaced")
        .containsEntry("l", 42L)
        .containsEntry("d", 1.5)
        .containsEntry("b", true)
        .containsEntry("o", List.of(1, "two"))
        .containsEntry("x", "sb")
        .containsEntry("m", 7)
        .hasSize(8);
    assertThat(span.attributes().keySet()).first().isEqualTo("service.name");
  }

  @Test
  void keysAreComparedByValueNotByHashOrInstance() {
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    Span span = tracer.startSpan("op");
    for (String key : List.of("k0", "k1", "Aa", "k3")) {
      span.setAttribute(key, 1L);
    }
    span.setAttribute("BB", 2L); // the same hash as "Aa", another key
    span.setAttribute(new String("Aa"), 3L); // an equal key in another instance replaces
    span.setAttribute(new String("k0"), 4L);

    assertThat(span.attributes())
        .hasSize(6) // with service.name
        .containsEntry("Aa", 3L)
        .containsEntry("BB", 2L)
        .containsEntry("k0", 4L);
  }

  @Test
  void nullKeysAndValuesAreIgnored() {
    Span span = tracer.startSpan("op");
    span.setAttribute(null, "v").setAttribute("k", (Object) null).setAttribute("n", (String) null);

    assertThat(span.attributes()).containsOnlyKeys("service.name");
  }

  @Test
  void attributeCountIsBounded() {
    Span span = tracer.startSpan("op");
    for (int i = 0; i < 10_000; i++) {
      span.setAttribute("k" + i, i);
    }
    assertThat(span.attributes()).hasSize(129).containsEntry("k0", 0L).containsEntry("k125", 125L);
  }

  @Test
  void eventsKeepOrderAndAttributes() {
    Span span = tracer.startSpan("op");
    span.addEvent("first").addEvent("second", Map.of("n", 2)).addEvent("third");

    List<Span.Event> events = span.events();

    assertThat(events).extracting(Span.Event::name).containsExactly("first", "second", "third");
    assertThat(events.get(1).attributes()).containsEntry("n", 2);
    assertThat(events.get(0).attributes()).isEmpty();
    assertThat(events.get(0).epochNanos()).isGreaterThanOrEqualTo(span.startEpochNanos());
  }

  @Test
  void statusAndMessage() {
    Span span = tracer.startSpan("op");
    assertThat(span.status()).isEqualTo(SpanStatus.UNSET);

    span.setStatus(SpanStatus.ERROR, "boom");
    assertThat(span.status()).isEqualTo(SpanStatus.ERROR);
    assertThat(span.statusMessage()).isEqualTo("boom");

    span.setStatus(SpanStatus.OK);
    assertThat(span.status()).isEqualTo(SpanStatus.OK);
    assertThat(span.statusMessage()).isNull();
  }

  @Test
  void recordExceptionAddsEventAndSetsError() {
    Span span = tracer.startSpan("op");
    IllegalStateException error = new IllegalStateException("out of stock");

    span.recordException(error);

    assertThat(span.status()).isEqualTo(SpanStatus.ERROR);
    assertThat(span.statusMessage()).isEqualTo("out of stock");
    Span.Event event = span.events().get(0);
    assertThat(event.name()).isEqualTo("exception");
    assertThat(event.attributes())
        .containsEntry("exception.type", "java.lang.IllegalStateException")
        .containsEntry("exception.message", "out of stock");
    assertThat((String) event.attributes().get("exception.stacktrace"))
        .contains("IllegalStateException: out of stock")
        .contains("SpanTest");
  }

  @Test
  void finishIsIdempotentAndExportsOnce() {
    Span span = tracer.startSpan("op");
    assertThat(span.isFinished()).isFalse();
    assertThat(span.endTime()).isZero();

    span.finish();
    double end = span.endTime();
    span.finish();
    span.close();
    tracer.flush();

    assertThat(span.isFinished()).isTrue();
    assertThat(span.endTime()).isEqualTo(end);
    assertThat(memory.getSpans()).containsExactly(span);
  }

  @Test
  void changesAfterFinishAreIgnored() {
    Span span = tracer.startSpan("op");
    span.finish();

    span.setAttribute("late", 1L).addEvent("late").setStatus(SpanStatus.ERROR, "late");
    span.recordException(new RuntimeException("late"));

    assertThat(span.attributes()).doesNotContainKey("late");
    assertThat(span.events()).isEmpty();
    assertThat(span.status()).isEqualTo(SpanStatus.UNSET);
  }

  @Test
  void durationAndTimesAreConsistent() throws InterruptedException {
    double before = System.currentTimeMillis() / 1000.0;
    Span span = tracer.startSpan("op");
    Thread.sleep(20);
    span.finish();

    assertThat(span.duration().toMillis()).isGreaterThanOrEqualTo(19);
    assertThat(span.startTime()).isCloseTo(before, within(1.0));
    assertThat(span.endTime() - span.startTime())
        .isCloseTo(span.duration().toNanos() / 1e9, within(1e-6));
  }

  @Test
  void toMapHasTheContractShape() {
    Span parent = tracer.startSpan("parent");
    Span span =
        tracer.startSpan("child", SpanKind.SERVER, parent.context(), Map.of("http.route", "/x"));
    span.addEvent("e", Map.of("a", 1));
    span.setStatus(SpanStatus.ERROR, "bad");
    span.finish();

    Map<String, Object> map = span.toMap();

    assertThat(map)
        .containsOnlyKeys(
            "name",
            "trace_id",
            "span_id",
            "parent_span_id",
            "kind",
            "status",
            "status_message",
            "start_time",
            "end_time",
            "duration_ms",
            "attributes",
            "events")
        .containsEntry("name", "child")
        .containsEntry("trace_id", parent.traceId())
        .containsEntry("parent_span_id", parent.spanId())
        .containsEntry("kind", "server")
        .containsEntry("status", "error")
        .containsEntry("status_message", "bad");
    BigDecimal start = (BigDecimal) map.get("start_time");
    BigDecimal end = (BigDecimal) map.get("end_time");
    assertThat(start.scale()).isEqualTo(6);
    assertThat(end.subtract(start).multiply(BigDecimal.valueOf(1000)))
        .isEqualByComparingTo((BigDecimal) map.get("duration_ms"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events = (List<Map<String, Object>>) map.get("events");
    assertThat(events.get(0)).containsOnlyKeys("name", "timestamp", "attributes");
  }

  @Test
  void unfinishedSpanHasNoEndInItsMap() {
    Map<String, Object> map = tracer.startSpan("open").toMap();

    assertThat(map.get("end_time")).isNull();
    assertThat(map.get("duration_ms")).isNull();
    assertThat(map.get("parent_span_id")).isNull();
  }

  @Test
  void idsAreLowercaseHexOfTheRightLength() {
    Span span = tracer.startSpan("op");

    assertThat(span.traceId()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    assertThat(span.spanId()).matches("[0-9a-f]{16}").isNotEqualTo("0".repeat(16));
    assertThat(span.context().traceId()).isEqualTo(span.traceId());
    assertThat(span.context().spanId()).isEqualTo(span.spanId());
  }
}

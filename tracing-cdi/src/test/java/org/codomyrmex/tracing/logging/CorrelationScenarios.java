package org.codomyrmex.tracing.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.Sampler;
import org.codomyrmex.tracing.Scope;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.export.InMemoryExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every MDC backend must show: each subclass logs through the real library and an appender
 * whose pattern is {@code %X{trace_id}|%X{span_id}|message}.
 */
abstract class CorrelationScenarios {
  private final InMemoryExporter memory = new InMemoryExporter();
  private final Tracer tracer = Tracer.create("log-correlation", memory);

  /** Logs {@code message} at INFO and returns the line the appender wrote for it. */
  abstract String log(String message);

  /** Returns the library's adapter to this backend's MDC, to set and read values directly. */
  abstract MdcBackend mdc();

  private void putOwn(String key, String value) {
    mdc().put(key, value);
  }

  @AfterEach
  void forgetOwnValues() {
    mdc().remove("trace_id");
    mdc().remove("span_id");
    tracer.shutdown();
  }

  @Test
  void aLineLoggedInsideASpanCarriesItsIds() {
    try (Span span = tracer.span("checkout")) {
      assertThat(log("inside")).isEqualTo(span.traceId() + "|" + span.spanId() + "|inside");
    }
    assertThat(log("after")).isEqualTo("||after");
  }

  @Test
  void nestedSpansShowTheInnerIdsThenTheOuterOnesAgain() {
    try (Span outer = tracer.span("outer")) {
      try (Span inner = tracer.span("inner")) {
        assertThat(log("in")).isEqualTo(outer.traceId() + "|" + inner.spanId() + "|in");
      }
      assertThat(log("out")).isEqualTo(outer.traceId() + "|" + outer.spanId() + "|out");
    }
    assertThat(mdc().get("trace_id")).isNull();
    assertThat(mdc().get("span_id")).isNull();
  }

  @Test
  void theApplicationsOwnValuesComeBackAfterTheSpan() {
    putOwn("trace_id", "mine");
    try (Span span = tracer.span("checkout")) {
      assertThat(log("inside")).startsWith(span.traceId() + "|" + span.spanId());
    }
    assertThat(log("after")).isEqualTo("mine||after");
  }

  @Test
  void idsAnotherThreadsSpanLeftBehindAreRemovedNotRestored() {
    putOwn("trace_id", "0af7651916cd43dd8448eb211c80319c");
    putOwn("span_id", "b7ad6b7169203331");
    try (Span span = tracer.span("checkout")) {
      assertThat(log("inside")).startsWith(span.traceId() + "|" + span.spanId());
    }
    assertThat(log("after")).isEqualTo("||after");
  }

  @Test
  void makeCurrentAndItsScopeWriteAndRestore() {
    Span span = tracer.startSpan("background");
    try (Scope ignored = span.makeCurrent()) {
      assertThat(log("scoped")).isEqualTo(span.traceId() + "|" + span.spanId() + "|scoped");
    } finally {
      span.finish();
    }
    assertThat(log("after")).isEqualTo("||after");
  }

  @Test
  void aPooledThreadCarriesTheIdsOnlyWhileItRunsTheTask() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      try (Span span = tracer.span("fan-out")) {
        String line = pool.submit(Tracers.wrap(() -> log("task"))).get(5, TimeUnit.SECONDS);
        assertThat(line).isEqualTo(span.traceId() + "|" + span.spanId() + "|task");
      }
      assertThat(pool.submit(() -> log("idle")).get(5, TimeUnit.SECONDS)).isEqualTo("||idle");
    } finally {
      pool.shutdown();
    }
    assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void unrecordedSpansShowTheirIdsToo() {
    Tracer unsampled = Tracer.create("unsampled", memory, Sampler.never());
    try (Span span = unsampled.span("dropped")) {
      assertThat(span.isRecording()).isFalse();
      assertThat(log("inside")).isEqualTo(span.traceId() + "|" + span.spanId() + "|inside");
    } finally {
      unsampled.shutdown();
    }
  }

  @Test
  void spansOfADisabledTracerWriteNothing() {
    Tracer disabled = withProperty("tracing.enabled", "false");
    try (Scope ignored = disabled.startSpan("nothing").makeCurrent()) {
      assertThat(log("inside")).isEqualTo("||inside");
    }
  }

  @Test
  void switchedOffNothingIsWritten() {
    Tracer quiet = withProperty("tracing.log-correlation", "false");
    try (Span span = quiet.span("quiet")) {
      assertThat(log("inside")).isEqualTo("||inside");
    } finally {
      quiet.shutdown();
      Tracer.create("back-on", memory).shutdown(); // later tests expect the default (on)
    }
  }

  private Tracer withProperty(String key, String value) {
    System.setProperty(key, value);
    try {
      return Tracer.create("configured", memory);
    } finally {
      System.clearProperty(key);
    }
  }
}

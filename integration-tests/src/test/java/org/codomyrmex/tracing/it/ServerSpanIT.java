package org.codomyrmex.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.SpanStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The server side, in the terms of the MicroProfile tracing TCKs and Brave's server suite. */
@ExtendWith(Services.class)
class ServerSpanIT {
  private final CollectingExporter spans = CollectingExporter.INSTANCE;

  @BeforeEach
  void clear() {
    Services.flushAll();
    spans.clear();
  }

  private Span onlyServerSpan(HttpResponse<String> response) {
    List<Span> trace = spans.awaitTrace(Http.traceId(response), 1);
    assertThat(trace).hasSize(1);
    Span span = trace.get(0);
    assertThat(span.kind()).isEqualTo(SpanKind.SERVER);
    return span;
  }

  @Test
  void standardAttributesAndRouteTemplateWithApplicationPath() {
    HttpResponse<String> response =
        Http.frontend("api/orders/42?x=1", "User-Agent", "it-agent/1.0");

    assertThat(response.statusCode()).isEqualTo(200);
    Span span = onlyServerSpan(response);
    assertThat(span.name()).isEqualTo("GET /api/orders/{id}");
    assertThat(span.attributes())
        .containsEntry("http.request.method", "GET")
        .containsEntry("url.path", "/api/orders/42")
        .containsEntry("url.query", "x=1")
        .containsEntry("url.scheme", "http")
        .containsEntry("http.route", "/api/orders/{id}")
        .containsEntry("http.response.status_code", 200L)
        .containsEntry("server.address", "127.0.0.1")
        .containsEntry("user_agent.original", "it-agent/1.0")
        .containsEntry("service.name", Services.FRONTEND);
    assertThat(span.status()).isEqualTo(SpanStatus.UNSET);
    assertThat(span.parentSpanId()).isNull();
    assertThat(span.isFinished()).isTrue();
  }

  @Test
  void serverSpanIsCurrentInsideTheResourceMethod() {
    HttpResponse<String> response = Http.frontend("api/orders/1");
    Span span = onlyServerSpan(response);
    assertThat(Http.lines(response.body())).containsEntry("current", span.spanId());
  }

  @Test
  void aSpanLeftCurrentOnTheWorkerIsHiddenAndRestored() {
    HttpResponse<String> response = Http.frontend("api/orders/1", LeakProbe.STALE_HEADER, "true");

    Span span = onlyServerSpan(response);
    assertThat(span.parentSpanId()).as("the stale span is not the parent").isNull();
    assertThat(Http.lines(response.body())).containsEntry("current", span.spanId());
    assertThat(response.headers().firstValue(LeakProbe.RESTORED_HEADER)).contains("true");
  }

  @Test
  void regexPathParametersKeepTheTemplate() {
    HttpResponse<String> response = Http.frontend("api/orders/77/items/abc");
    Span span = onlyServerSpan(response);
    assertThat(span.name()).isEqualTo("GET /api/orders/{id}/items/{item}");
    assertThat(span.attributes()).containsEntry("url.path", "/api/orders/77/items/abc");
  }

  @Test
  void validIncomingHeadersMakeTheSpanAChild() {
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    HttpResponse<String> response =
        Http.frontend("api/orders/1", "X-Trace-Id", trace, "X-Span-Id", "00f067aa0ba902b7");

    assertThat(Http.traceId(response)).isEqualTo(trace);
    Span span = onlyServerSpan(response);
    assertThat(span.traceId()).isEqualTo(trace);
    assertThat(span.parentSpanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(span.spanId()).isNotEqualTo("00f067aa0ba902b7");
  }

  @Test
  void malformedOrHostileHeadersStartANewTraceAndTheRequestIsServed() {
    String[][] hostile = {
      {"X-Trace-Id", "not-hex", "X-Span-Id", "00f067aa0ba902b7"},
      {"X-Trace-Id", "0".repeat(32), "X-Span-Id", "00f067aa0ba902b7"},
      {"X-Trace-Id", "a".repeat(5000), "X-Span-Id", "b".repeat(5000)},
      {"X-Trace-Id", "4bf92f3577b34da6a3ce929d0e0e4736", "X-Span-Id", "zz"},
      {"X-Trace-Id", "4bf92f35-77b3-4da6-a3ce-929d0e0e4736-x", "X-Span-Id", "00f067aa0ba902b7"},
      {"X-Trace-Id", "4bf92f3577b34da6a3ce929d0e0e4736"},
    };
    for (String[] headers : hostile) {
      HttpResponse<String> response = Http.frontend("api/orders/5", headers);
      assertThat(response.statusCode()).isEqualTo(200);
      Span span = onlyServerSpan(response);
      assertThat(span.parentSpanId()).isNull();
      assertThat(span.traceId()).isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }
  }

  @Test
  void unsampledRequestsAreNotExported() {
    String trace = "5bf92f3577b34da6a3ce929d0e0e4736";
    HttpResponse<String> response = Http.unsampled("api/orders/1", trace);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.traceId(response)).isEqualTo(trace);
    spans.assertNothingExported(trace);
  }

  @Test
  void serverErrorStatusIsAnError() {
    Span span = onlyServerSpan(Http.frontend("api/status/503"));
    assertThat(span.status()).isEqualTo(SpanStatus.ERROR);
    assertThat(span.attributes())
        .containsEntry("http.response.status_code", 503L)
        .containsEntry("error.type", "503");
    assertThat(span.events()).isEmpty();
  }

  @Test
  void clientErrorStatusIsNotAnError() {
    Span span = onlyServerSpan(Http.frontend("api/status/404"));
    assertThat(span.status()).isEqualTo(SpanStatus.UNSET);
    assertThat(span.attributes()).containsEntry("http.response.status_code", 404L);
  }

  @Test
  void unmappedExceptionEndsTheSpanOnceWithErrorAndExceptionEvent() {
    HttpResponse<String> response = Http.frontend("api/fail");
    assertThat(response.statusCode()).isEqualTo(500);
    Span span = onlyServerSpan(response);
    assertThat(span.name()).isEqualTo("GET /api/fail");
    assertThat(span.status()).isEqualTo(SpanStatus.ERROR);
    assertThat(span.statusMessage()).isEqualTo("boom");
    assertThat(span.attributes())
        .containsEntry("http.response.status_code", 500L)
        .containsEntry("error.type", IllegalStateException.class.getName());
    assertThat(span.events()).hasSize(1);
    Span.Event event = span.events().get(0);
    assertThat(event.name()).isEqualTo("exception");
    assertThat(event.attributes())
        .containsEntry("exception.type", IllegalStateException.class.getName())
        .containsEntry("exception.message", "boom");
  }

  @Test
  void resourcesAnnotatedThroughAnInterfaceGetTheRouteAndTheExceptionEvent() {
    HttpResponse<String> ok = Http.frontend("api/contract/5");
    assertThat(ok.body()).isEqualTo("order 5");
    assertThat(onlyServerSpan(ok).name()).isEqualTo("GET /api/contract/{id}");

    HttpResponse<String> failed = Http.frontend("api/contract/fail");
    assertThat(failed.statusCode()).isEqualTo(500);
    Span span = onlyServerSpan(failed);
    assertThat(span.status()).isEqualTo(SpanStatus.ERROR);
    assertThat(span.attributes()).containsEntry("http.response.status_code", 500L);
    assertThat(span.events()).extracting(Span.Event::name).containsExactly("exception");
  }

  @Test
  void theApplicationsOwnMapperStaysInCharge() {
    HttpResponse<String> response = Http.frontend("api/missing");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("missing: 42");
    Span span = onlyServerSpan(response);
    assertThat(span.status()).isEqualTo(SpanStatus.UNSET);
    assertThat(span.attributes()).containsEntry("http.response.status_code", 404L);
  }

  @Test
  void aMappedServerErrorKeepsTheMappersStatusAndTheException() {
    HttpResponse<String> response = Http.frontend("api/unavailable");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("unavailable");
    Span span = onlyServerSpan(response);
    assertThat(span.status()).isEqualTo(SpanStatus.ERROR);
    assertThat(span.attributes()).containsEntry("http.response.status_code", 503L);
    assertThat(span.events()).extracting(Span.Event::name).containsExactly("exception");
  }

  @Test
  void skipPatternMeansNoSpanAndNoHeader() {
    HttpResponse<String> response = Http.frontend("api/health");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("up current=none");
    assertThat(response.headers().firstValue("X-Trace-Id")).isEmpty();
    Http.frontend("api/orders/3");
    List<Span> all = spans.await(s -> !s.isEmpty(), java.time.Duration.ofSeconds(10));
    assertThat(all).extracting(Span::name).containsExactly("GET /api/orders/{id}");
  }

  @Test
  void injectedTracerAndTracedBeansAreChildrenOfTheServerSpan() {
    HttpResponse<String> response = Http.frontend("api/traced");
    List<Span> trace = spans.awaitTrace(Http.traceId(response), 3);
    Map<String, String> body = Http.lines(response.body());
    Span server = byName(trace, "GET /api/traced");
    Span inner = byName(trace, "inner-work");
    Span bean = byName(trace, "Inventory.check");
    assertThat(body).containsEntry("server", server.spanId());
    assertThat(inner.parentSpanId()).isEqualTo(server.spanId());
    assertThat(bean.parentSpanId()).isEqualTo(inner.spanId());
    assertThat(body).containsEntry("bean", bean.spanId());
    assertThat(trace).hasSize(3);
  }

  @Test
  void asyncResponseSpanEndsWhenSentAndChildrenLinkUp() {
    HttpResponse<String> response = Http.frontend("api/async");
    assertThat(response.statusCode()).isEqualTo(200);
    List<Span> trace = spans.awaitTrace(Http.traceId(response), 3);
    Span server = byName(trace, "GET /api/async");
    assertThat(response.body()).isEqualTo("server=" + server.spanId());
    assertThat(byName(trace, "before-suspend").parentSpanId()).isEqualTo(server.spanId());
    Span work = byName(trace, "async-work");
    assertThat(work.parentSpanId()).isEqualTo(server.spanId());
    assertThat(server.endEpochNanos()).isGreaterThanOrEqualTo(work.endEpochNanos());
    assertThat(server.attributes()).containsEntry("http.response.status_code", 200L);
  }

  @Test
  void asyncFailureIsRecordedOnce() {
    HttpResponse<String> response = Http.frontend("api/async-fail");
    assertThat(response.statusCode()).isEqualTo(500);
    Span span = onlyServerSpan(response);
    assertThat(span.status()).isEqualTo(SpanStatus.ERROR);
    assertThat(span.events()).extracting(Span.Event::name).containsExactly("exception");
    assertThat(span.events().get(0).attributes()).containsEntry("exception.message", "async boom");
  }

  @Test
  void completionStageResourcesEndWithTheStage() {
    HttpResponse<String> response = Http.frontend("api/stage");
    List<Span> trace = spans.awaitTrace(Http.traceId(response), 2);
    Span server = byName(trace, "GET /api/stage");
    Span work = byName(trace, "stage-work");
    assertThat(Http.lines(response.body()))
        .containsEntry("server", server.spanId())
        .containsEntry("work", work.spanId());
    assertThat(work.parentSpanId()).isEqualTo(server.spanId());
  }

  @Test
  void failedCompletionStageIsAnErrorWithItsException() {
    HttpResponse<String> response = Http.frontend("api/stage-fail");
    assertThat(response.statusCode()).isEqualTo(500);
    Span span = onlyServerSpan(response);
    assertThat(span.status()).isEqualTo(SpanStatus.ERROR);
    assertThat(span.events()).extracting(Span.Event::name).containsExactly("exception");
    assertThat(span.events().get(0).attributes()).containsEntry("exception.message", "stage boom");
  }

  static Span byName(List<Span> trace, String name) {
    return trace.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError(name + " not in " + trace.stream().map(Span::name).toList()));
  }
}

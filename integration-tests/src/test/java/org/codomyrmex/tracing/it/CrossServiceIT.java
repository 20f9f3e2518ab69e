package org.codomyrmex.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.SpanStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two services calling each other: server → client → server in one trace. */
@ExtendWith(Services.class)
class CrossServiceIT {
  private final CollectingExporter spans = CollectingExporter.INSTANCE;

  @BeforeEach
  void clear() {
    Services.flushAll();
    spans.clear();
  }

  @Test
  void nestedSpansAcrossServicesFormOneTraceWithCorrectParents() {
    HttpResponse<String> response = Http.frontend("api/chain?item=9");
    assertThat(response.statusCode()).isEqualTo(200);
    List<Span> trace = spans.awaitTrace(Http.traceId(response), 3);
    Chain chain = chainOf(trace);
    Span front = chain.front();
    Span client = chain.client();
    Span back = chain.back();
    assertThat(front.attributes()).containsEntry("service.name", Services.FRONTEND);
    assertThat(client.attributes())
        .containsEntry("service.name", Services.FRONTEND)
        .containsEntry("http.request.method", "GET")
        .containsEntry("url.full", System.getProperty(Services.BACKEND_URL) + "/items/9")
        .containsEntry("http.response.status_code", 200L);
    assertThat(client.name()).isEqualTo("GET");
    assertThat(back.attributes()).containsEntry("service.name", Services.BACKEND);

    Map<String, String> seen = Http.lines(response.body());
    assertThat(seen)
        .containsEntry("trace", front.traceId())
        .containsEntry("span", client.spanId())
        .containsEntry("parent", front.spanId())
        .containsEntry("sampled", "true")
        .containsEntry("current", back.spanId()) // filters-only path: current too
        .containsEntry("frontend", front.spanId()); // the client span was not made current
  }

  @Test
  void unsampledFlagTravelsDownstreamAndNothingIsExported() {
    String trace = "6bf92f3577b34da6a3ce929d0e0e4736";
    HttpResponse<String> response = Http.unsampled("api/chain", trace);
    assertThat(Http.lines(response.body()))
        .containsEntry("trace", trace)
        .containsEntry("sampled", "false");
    spans.assertNothingExported(trace);
  }

  @Test
  void failingDownstream() {
    HttpResponse<String> response = Http.frontend("api/chain-fail");
    assertThat(response.statusCode()).isEqualTo(502);
    List<Span> trace = spans.awaitTrace(Http.traceId(response), 3);
    Span front = ServerSpanIT.byName(trace, "GET /api/chain-fail");
    Span client = kind(trace, SpanKind.CLIENT);
    Span back = ServerSpanIT.byName(trace, "GET /backend/fail");
    assertThat(client.status()).isEqualTo(SpanStatus.ERROR);
    assertThat(client.attributes()).containsEntry("http.response.status_code", 500L);
    assertThat(back.status()).isEqualTo(SpanStatus.ERROR);
    assertThat(back.attributes()).containsEntry("http.response.status_code", 500L);
    assertThat(back.parentSpanId()).isEqualTo(client.spanId());
    assertThat(front.status()).isEqualTo(SpanStatus.ERROR);
    assertThat(front.attributes()).containsEntry("http.response.status_code", 502L);
  }

  @Test
  void unreachableDownstreamEndsTheClientSpanWithError() throws Exception {
    int closed = Services.freePort();
    HttpResponse<String> response = Http.frontend("api/chain-down?port=" + closed);
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("down: ProcessingException");
    List<Span> trace = spans.awaitTrace(Http.traceId(response), 2);
    Span front = ServerSpanIT.byName(trace, "GET /api/chain-down");
    Span client = kind(trace, SpanKind.CLIENT);
    assertThat(client.parentSpanId()).isEqualTo(front.spanId());
    assertThat(client.isFinished()).isTrue();
    assertThat(client.status()).isEqualTo(SpanStatus.ERROR);
    assertThat(client.events()).extracting(Span.Event::name).containsExactly("exception");
    assertThat(client.attributes()).doesNotContainKey("http.response.status_code");
    assertThat(client.attributes()).containsKey("error.type");
  }

  @Test
  void hundredConcurrentRequestsMakeHundredIntactSeparateTrees() throws Exception {
    int requests = 100;
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    try {
      for (int i = 0; i < requests; i++) {
        String item = Integer.toString(i);
        calls.add(
            CompletableFuture.supplyAsync(() -> Http.frontend("api/chain?item=" + item), pool));
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    Set<String> traces = new java.util.HashSet<>();
    for (CompletableFuture<HttpResponse<String>> call : calls) {
      traces.add(Http.traceId(call.get()));
    }
    assertThat(traces).hasSize(requests);
    List<Span> all =
        spans.await(
            s -> s.stream().filter(x -> traces.contains(x.traceId())).count() >= 3 * requests,
            Duration.ofSeconds(20));
    Map<String, List<Span>> byTrace =
        all.stream()
            .filter(s -> traces.contains(s.traceId()))
            .collect(Collectors.groupingBy(Span::traceId));
    assertThat(byTrace).hasSize(requests);
    Set<String> items = new java.util.HashSet<>();
    for (CompletableFuture<HttpResponse<String>> call : calls) {
      HttpResponse<String> response = call.get();
      List<Span> tree = byTrace.get(Http.traceId(response));
      assertIntactTree(tree, Http.lines(response.body()));
      items.add(Http.lines(response.body()).get("item"));
    }
    assertThat(items).hasSize(requests);
  }

  private static void assertIntactTree(List<Span> tree, Map<String, String> seen) {
    Chain chain = chainOf(tree);
    assertThat(chain.back().attributes())
        .containsEntry("url.path", "/backend/items/" + seen.get("item"));
    assertThat(seen)
        .containsEntry("frontend", chain.front().spanId())
        .containsEntry("current", chain.back().spanId());
  }

  /** The frontend server span, its client span and the backend server span of one request. */
  private record Chain(Span front, Span client, Span back) {}

  // Exactly these three spans, each the parent of the next.
  private static Chain chainOf(List<Span> trace) {
    assertThat(trace).hasSize(3);
    Span front = ServerSpanIT.byName(trace, "GET /api/chain");
    Span client = kind(trace, SpanKind.CLIENT);
    Span back = ServerSpanIT.byName(trace, "GET /backend/items/{id}");
    assertThat(front.parentSpanId()).isNull();
    assertThat(client.parentSpanId()).isEqualTo(front.spanId());
    assertThat(back.parentSpanId()).isEqualTo(client.spanId());
    return new Chain(front, client, back);
  }

  static Span kind(List<Span> trace, SpanKind kind) {
    List<Span> found = trace.stream().filter(s -> s.kind() == kind).toList();
    assertThat(found).as("%s spans", kind).hasSize(1);
    return found.get(0);
  }
}

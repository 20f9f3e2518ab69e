package org.codomyrmex.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.InvocationCallback;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.SpanStatus;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.jaxrs.TracingClientFeature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Explicitly registered clients, in the terms of Brave's HTTP client suite. */
@ExtendWith(Services.class)
class ClientIT {
  private final CollectingExporter spans = CollectingExporter.INSTANCE;
  private final Tracer tracer = Tracers.get(Services.TEST_CLIENT);
  private Client traced;
  private Client plain;

  @BeforeEach
  void setUp() {
    Services.flushAll();
    spans.clear();
    traced =
        ClientBuilder.newBuilder()
            .register(TracingClientFeature.class)
            .connectTimeout(2, TimeUnit.SECONDS)
            .readTimeout(10, TimeUnit.SECONDS)
            .build();
    plain = ClientBuilder.newClient();
  }

  @AfterEach
  void tearDown() {
    traced.close();
    plain.close();
  }

  private String backend(String path) {
    return Services.backend("backend/" + path).toString();
  }

  @Test
  void syncCallIsAChildOfTheCurrentSpanAndNotMadeCurrent() {
    Map<String, String> seen;
    Span parent;
    try (Span span = tracer.span("caller")) {
      parent = span;
      seen = Http.lines(traced.target(backend("items/1")).request().get(String.class));
      assertThat(Tracers.currentSpan()).contains(span);
    }
    List<Span> trace = spans.awaitTrace(parent.traceId(), 3);
    Span client = CrossServiceIT.kind(trace, SpanKind.CLIENT);
    Span server = CrossServiceIT.kind(trace, SpanKind.SERVER);
    assertThat(client.parentSpanId()).isEqualTo(parent.spanId());
    assertThat(client.attributes())
        .containsEntry("service.name", Services.TEST_CLIENT)
        .containsEntry("server.address", "127.0.0.1")
        .containsEntry("http.response.status_code", 200L);
    assertThat(server.parentSpanId()).isEqualTo(client.spanId());
    assertThat(seen)
        .containsEntry("trace", parent.traceId())
        .containsEntry("span", client.spanId())
        .containsEntry("parent", parent.spanId())
        .containsEntry("sampled", "true");
  }

  @Test
  void withoutACurrentSpanTheClientSpanStartsATrace() {
    Map<String, String> seen =
        Http.lines(traced.target(backend("items/2")).request().get(String.class));
    List<Span> trace = spans.awaitTrace(seen.get("trace"), 2);
    Span client = CrossServiceIT.kind(trace, SpanKind.CLIENT);
    assertThat(client.parentSpanId()).isNull();
    assertThat(seen).containsEntry("span", client.spanId()).containsEntry("parent", "null");
  }

  @Test
  void asyncInvokerWithCallback() throws Exception {
    CompletableFuture<String> body = new CompletableFuture<>();
    Span parent;
    try (Span span = tracer.span("async-caller")) {
      parent = span;
      traced
          .target(backend("items/3"))
          .request()
          .async()
          .get(
              new InvocationCallback<String>() {
                @Override
                public void completed(String response) {
                  body.complete(response);
                }

                @Override
                public void failed(Throwable throwable) {
                  body.completeExceptionally(throwable);
                }
              });
    }
    Map<String, String> seen = Http.lines(body.get(10, TimeUnit.SECONDS));
    List<Span> trace = spans.awaitTrace(parent.traceId(), 3);
    Span client = CrossServiceIT.kind(trace, SpanKind.CLIENT);
    assertThat(client.parentSpanId()).isEqualTo(parent.spanId());
    assertThat(seen).containsEntry("span", client.spanId());
  }

  @Test
  void asyncInvokerFuture() throws Exception {
    Response response;
    try (Span span = tracer.span("future-caller")) {
      response =
          traced.target(backend("items/4")).request().async().get().get(10, TimeUnit.SECONDS);
    }
    Map<String, String> seen = Http.lines(response.readEntity(String.class));
    List<Span> trace = spans.awaitTrace(seen.get("trace"), 3);
    assertThat(CrossServiceIT.kind(trace, SpanKind.CLIENT).spanId()).isEqualTo(seen.get("span"));
  }

  @Test
  void clientErrorStatusIsAnErrorOnTheClientSpan() {
    try (Response response = traced.target(backend("nothing-here")).request().get()) {
      assertThat(response.getStatus()).isEqualTo(404);
    }
    Span client = onlyClientSpan();
    assertThat(client.status()).isEqualTo(SpanStatus.ERROR);
    assertThat(client.attributes())
        .containsEntry("http.response.status_code", 404L)
        .containsEntry("error.type", "404");
  }

  @Test
  void connectionRefusedEndsTheSpanWithError() throws Exception {
    String nowhere = "http://127.0.0.1:" + Services.freePort() + "/x";
    assertThatThrownBy(() -> traced.target(nowhere).request().get())
        .isInstanceOf(ProcessingException.class);
    Span client = onlyClientSpan();
    assertThat(client.isFinished()).isTrue();
    assertThat(client.status()).isEqualTo(SpanStatus.ERROR);
    assertThat(client.events()).extracting(Span.Event::name).containsExactly("exception");
    assertThat(client.attributes()).containsEntry("url.full", nowhere);
  }

  @Test
  void asyncConnectionRefusedEndsTheSpanWithError() throws Exception {
    String nowhere = "http://127.0.0.1:" + Services.freePort() + "/x";
    CompletableFuture<Response> call =
        traced.target(nowhere).request().rx().get().toCompletableFuture();
    assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ProcessingException.class);
    Span client = onlyClientSpan();
    assertThat(client.status()).isEqualTo(SpanStatus.ERROR);
  }

  @Test
  void readTimeoutEndsTheSpanWithError() {
    Client impatient =
        ClientBuilder.newBuilder()
            .register(TracingClientFeature.class)
            .readTimeout(300, TimeUnit.MILLISECONDS)
            .build();
    try {
      assertThatThrownBy(() -> impatient.target(backend("slow")).request().get(String.class))
          .isInstanceOf(ProcessingException.class);
    } finally {
      impatient.close();
    }
    Span client =
        spans
            .await(
                all -> all.stream().anyMatch(s -> s.kind() == SpanKind.CLIENT),
                java.time.Duration.ofSeconds(10))
            .stream()
            .filter(s -> s.kind() == SpanKind.CLIENT)
            .findFirst()
            .orElseThrow();
    assertThat(client.status()).isEqualTo(SpanStatus.ERROR);
    assertThat(client.attributes().get("error.type").toString()).contains("Timeout");
    // the backend still answers later: wait for its span so it cannot leak into other tests
    spans.awaitTrace(client.traceId(), 2);
  }

  @Test
  void aClientWithoutTheFeatureSendsNoHeaders() {
    String headers;
    try (Span span = tracer.span("caller")) {
      headers = plain.target(backend("headers")).request().get(String.class);
    }
    assertThat(headers).doesNotContain("x-trace-id", "x-span-id", "x-sampled", "traceparent");
  }

  @Test
  void onlyTheCustomHeadersAreSentByDefault() {
    String withFeature;
    try (Span span = tracer.span("caller")) {
      withFeature = traced.target(backend("headers")).request().get(String.class);
    }
    String without = plain.target(backend("headers")).request().get(String.class);
    List<String> added =
        java.util.Arrays.stream(withFeature.split(","))
            .filter(h -> !List.of(without.split(",")).contains(h))
            .toList();
    assertThat(added)
        .containsExactlyInAnyOrder("x-parent-span-id", "x-sampled", "x-span-id", "x-trace-id");
  }

  @Test
  void responseEntitiesAndHeadersReachTheCallerUnchanged() {
    try (Response response = traced.target(backend("items/5")).request().get()) {
      assertThat(response.getStatus()).isEqualTo(200);
      assertThat(response.getMediaType().toString()).startsWith("text/plain");
      assertThat(response.getHeaderString("X-Trace-Id")).hasSize(32);
      assertThat(response.readEntity(String.class)).startsWith("item=5\n");
    }
  }

  private Span onlyClientSpan() {
    List<Span> all =
        spans.await(
            s -> s.stream().anyMatch(x -> x.kind() == SpanKind.CLIENT),
            java.time.Duration.ofSeconds(10));
    List<Span> clients = all.stream().filter(s -> s.kind() == SpanKind.CLIENT).toList();
    assertThat(clients).hasSize(1);
    return clients.get(0);
  }
}

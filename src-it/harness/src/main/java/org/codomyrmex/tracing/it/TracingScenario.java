package org.codomyrmex.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The scenario every runtime must pass with the sample application ({@code src-it/sample-app})
 * deployed: one subclass per runtime starts it, the tests here drive it over HTTP on 127.0.0.1 and
 * read the spans it writes to its JSON-lines file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TracingScenario {
  /** The span file, relative to the runtime's working directory, as every sample configures it. */
  public static final String SPAN_FILE = "tracing-it-spans.jsonl";

  private static final Duration SPAN_WAIT = Duration.ofSeconds(20);
  private static final String ORDERS_ROUTE = "GET /api/orders/{id}";
  private static final String STOCK_ROUTE = "GET /api/stock/{sku}";

  private final String configuredServiceName;
  private final boolean microProfileRestClient;
  private RuntimeProcess runtime;
  private URI base;
  private SpanLog spans;

  /**
   * A scenario for a runtime whose configuration sets {@code tracing.service-name} to {@code
   * configuredServiceName}; with {@code microProfileRestClient} the sample also calls through
   * MicroProfile Rest Client, which the runtime must then ship.
   */
  protected TracingScenario(String configuredServiceName, boolean microProfileRestClient) {
    this.configuredServiceName = configuredServiceName;
    this.microProfileRestClient = microProfileRestClient;
  }

  /**
   * Starts the runtime with the sample application deployed at context root {@code /}, HTTP on
   * 127.0.0.1:{@code port}, working directory {@code workDir} (so the span file lands there).
   */
  protected abstract RuntimeProcess startRuntime(Path workDir, int port) throws Exception;

  @BeforeAll
  void startRuntime() throws Exception {
    Path workDir = freshWorkDir();
    int port = FreePort.next();
    base = URI.create("http://127.0.0.1:" + port + "/");
    spans = new SpanLog(workDir.resolve(SPAN_FILE));
    runtime = startRuntime(workDir, port);
    runtime.awaitReady(base.resolve("api/health"), startupTimeout());
  }

  /** Returns the application's base URI, {@code http://127.0.0.1:<port>/}. */
  public URI base() {
    return base;
  }

  @AfterAll
  void stopRuntime() {
    if (runtime != null) {
      runtime.close();
    }
  }

  @Test
  void nestedCallsFormOneTraceWithServerInternalManualClientServerParents() {
    String callerSpanId = hex(16);
    List<RecordedSpan> trace = orderAndAwaitChain("api/orders/42", callerSpanId);
    RecordedSpan server = only(trace, ORDERS_ROUTE);
    assertThat(server.attributes())
        .containsEntry("http.request.method", "GET")
        .containsEntry("http.route", "/api/orders/{id}")
        .containsEntry("url.path", "/api/orders/42");
    assertChain(trace, server, "reserve", callerSpanId);
    assertThat(trace)
        .allSatisfy(s -> assertThat(s.attribute("service.name")).isEqualTo(configuredServiceName));
  }

  /** A CompletionStage resource: its server span ends after the work it waited for. */
  @Test
  void asyncResourceSpanEndsWhenTheResponseIsSent() {
    String callerSpanId = hex(16);
    List<RecordedSpan> trace = orderAndAwaitChain("api/orders/43/async", callerSpanId);
    RecordedSpan server = only(trace, "GET /api/orders/{id}/async");
    assertThat(server.attribute("http.route")).isEqualTo("/api/orders/{id}/async");
    assertChain(trace, server, "reserveLater", callerSpanId);
    // The work (with its HTTP call) runs on a pool thread after the resource method has returned.
    // The @Traced span itself may end a moment after the server span: CompletableFuture runs the
    // caller's dependents (the runtime's response) before the interceptor's, registered earlier.
    assertThat(server.endTime()).isGreaterThanOrEqualTo(only(trace, "manual").endTime());
  }

  @Test
  void unsampledRequestExportsNothingDownstreamIncluded() {
    String unsampled = hex(32);
    Map<String, String> headers =
        Map.of("X-Trace-Id", unsampled, "X-Span-Id", hex(16), "X-Sampled", "false");
    HttpResponse<String> response =
        HttpCalls.get(base.resolve("api/orders/44?via=" + via()), headers);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

    // Spans are exported in order: the earlier trace would be written before the later one.
    String later = hex(32);
    get("api/orders/45?via=" + via(), later, hex(16));
    awaitChain(later);
    assertThat(spans.read()).noneSatisfy(s -> assertThat(s.traceId()).isEqualTo(unsampled));
  }

  @Test
  void unmappedExceptionGives500AndErrorSpans() {
    String traceId = hex(32);
    HttpResponse<String> response = get("api/orders/boom-1", traceId, hex(16));

    assertThat(response.statusCode()).isEqualTo(500);
    List<RecordedSpan> trace = spans.awaitTrace(traceId, 2, SPAN_WAIT);
    RecordedSpan server = only(trace, ORDERS_ROUTE);
    assertThat(server.status()).isEqualTo("error");
    assertThat(server.attribute("http.response.status_code")).isEqualTo("500");
    assertThat(server.event("exception"))
        .as("exception event of %s", server)
        .isNotNull()
        .containsEntry("exception.type", "org.codomyrmex.tracing.it.app.OrderRejectedException");
    RecordedSpan internal = only(trace, "InventoryService.reserve");
    assertThat(internal.parentSpanId()).isEqualTo(server.spanId());
    assertThat(internal.status()).isEqualTo("error");
    assertThat(internal.event("exception")).isNotNull();
  }

  @Test
  void requestWithoutTraceHeadersStartsANewTraceAndReturnsItsId() {
    HttpResponse<String> response = HttpCalls.get(base.resolve("api/stock/fresh-1"), Map.of());

    assertThat(response.statusCode()).isEqualTo(200);
    String traceId = response.headers().firstValue("X-Trace-Id").orElseThrow();
    assertThat(traceId).matches("[0-9a-f]{32}");
    RecordedSpan server = only(spans.awaitTrace(traceId, 1, SPAN_WAIT), STOCK_ROUTE);
    assertThat(server.parentSpanId()).isNull();
    assertThat(server.attribute("url.path")).isEqualTo("/api/stock/fresh-1");
  }

  /**
   * 200 sequential requests, a third of them failing and a third leaving a span current on their
   * worker thread on purpose: every one must still be the root of its own trace.
   */
  @Test
  void workerThreadsCarryNoContextAcross200SequentialRequests() {
    String run = hex(6);
    Map<String, String> headerTraceIds = new HashMap<>();
    for (int i = 0; i < 200; i++) {
      String path = sequentialPath(run, i);
      HttpResponse<String> response = HttpCalls.get(base.resolve(path), Map.of());
      assertThat(response.statusCode()).as(path).isEqualTo(i % 3 == 1 ? 500 : 200);
      response
          .headers()
          .firstValue("X-Trace-Id")
          .ifPresent(id -> headerTraceIds.put("/" + path, id));
    }
    List<RecordedSpan> servers =
        spans.await(
            s -> "server".equals(s.kind()) && String.valueOf(s.attribute("url.path")).contains(run),
            found -> found.size() >= 200,
            SPAN_WAIT,
            "200 server spans of run " + run);

    assertThat(servers).hasSize(200);
    assertThat(servers).allSatisfy(s -> assertThat(s.parentSpanId()).as(s.toString()).isNull());
    assertThat(servers.stream().map(RecordedSpan::traceId).distinct()).hasSize(200);
    for (RecordedSpan server : servers) {
      String fromHeader = headerTraceIds.get(server.attribute("url.path"));
      if (fromHeader != null) {
        assertThat(server.traceId()).as(server.toString()).isEqualTo(fromHeader);
      }
    }
    assertThat(headerTraceIds)
        .as("X-Trace-Id on the 2xx responses")
        .hasSizeGreaterThanOrEqualTo(133);
  }

  @Test
  void configurationComesFromTheRuntimesOwnConfiguration() {
    // tracing.jaxrs.skip-pattern covers /api/health: no header and no span.
    HttpResponse<String> health = HttpCalls.get(base.resolve("api/health"), Map.of());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.headers().firstValue("X-Trace-Id")).isEmpty();
    String traceId = hex(32);
    get("api/stock/config-1", traceId, hex(16));

    // Spans are exported in order, so once the later request's span is written the earlier one
    // would be too; tracing.service-name names the tracer, tracing.exporter* the file.
    RecordedSpan later = only(spans.awaitTrace(traceId, 1, SPAN_WAIT), STOCK_ROUTE);
    assertThat(later.attribute("service.name")).isEqualTo(configuredServiceName);
    assertThat(spans.read())
        .noneSatisfy(s -> assertThat(s.attribute("url.path")).isEqualTo("/api/health"));
  }

  // Orders with the caller's trace headers, checks the answer, returns the whole trace.
  private List<RecordedSpan> orderAndAwaitChain(String path, String callerSpanId) {
    String traceId = hex(32);
    HttpResponse<String> response = get(path + "?via=" + via(), traceId, callerSpanId);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Trace-Id")).hasValue(traceId);
    return awaitChain(traceId);
  }

  // server + traced bean + manual + (client + downstream server) per client
  private List<RecordedSpan> awaitChain(String traceId) {
    int expected = 3 + 2 * clientCount();
    List<RecordedSpan> trace = spans.awaitTrace(traceId, expected, SPAN_WAIT);
    assertThat(trace).as("spans of the trace").hasSize(expected);
    return trace;
  }

  /**
   * Checks server → {@code InventoryService.<method>} → manual → client(s) → stock server(s), and
   * returns the traced bean's span.
   */
  private RecordedSpan assertChain(
      List<RecordedSpan> trace, RecordedSpan server, String method, String callerSpanId) {
    assertThat(server.kind()).isEqualTo("server");
    assertThat(server.parentSpanId()).isEqualTo(callerSpanId);
    assertThat(server.spanId()).isNotEqualTo(callerSpanId);
    assertThat(server.status()).isEqualTo("unset");
    assertThat(server.attribute("http.response.status_code")).isEqualTo("200");

    RecordedSpan internal = only(trace, "InventoryService." + method);
    assertThat(internal.kind()).isEqualTo("internal");
    assertThat(internal.parentSpanId()).isEqualTo(server.spanId());
    assertThat(internal.attributes())
        .containsEntry("code.namespace", "org.codomyrmex.tracing.it.app.InventoryService")
        .containsEntry("code.function", method);

    RecordedSpan manual = only(trace, "manual");
    assertThat(manual.parentSpanId()).isEqualTo(internal.spanId());
    assertClients(trace, manual);
    return internal;
  }

  private void assertClients(List<RecordedSpan> trace, RecordedSpan manual) {
    List<RecordedSpan> clientSpans = ofKind(trace, "client");
    assertThat(clientSpans).hasSize(clientCount());
    for (RecordedSpan client : clientSpans) {
      assertThat(client.parentSpanId()).as(client.toString()).isEqualTo(manual.spanId());
      assertThat(client.attribute("http.request.method")).isEqualTo("GET");
      assertThat(client.attribute("url.full")).startsWith(base + "api/stock/");
      assertThat(client.attribute("http.response.status_code")).isEqualTo("200");
    }
    List<RecordedSpan> downstream = named(trace, STOCK_ROUTE);
    assertThat(downstream).extracting(RecordedSpan::kind).containsOnly("server");
    assertThat(downstream)
        .extracting(RecordedSpan::parentSpanId)
        .containsExactlyInAnyOrderElementsOf(ids(clientSpans));
  }

  private int clientCount() {
    return microProfileRestClient ? 2 : 1;
  }

  private static String sequentialPath(String run, int i) {
    return switch (i % 3) {
      case 0 -> "api/stock/" + run + "-" + i;
      case 1 -> "api/orders/boom-" + run + "-" + i;
      default -> "api/leaky/" + run + "-" + i;
    };
  }

  private String via() {
    return microProfileRestClient ? "jaxrs,mp" : "jaxrs";
  }

  /**
   * Sends {@code GET path} in a new trace, checks the response status, and returns the one span
   * named {@code spanName} that the trace exports.
   */
  protected RecordedSpan spanOfRequest(String path, int status, String spanName) {
    String traceId = hex(32);
    HttpResponse<String> response = get(path, traceId, hex(16));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return only(spans.awaitTrace(traceId, 1, SPAN_WAIT), spanName);
  }

  private HttpResponse<String> get(String path, String traceId, String spanId) {
    return HttpCalls.get(base.resolve(path), Map.of("X-Trace-Id", traceId, "X-Span-Id", spanId));
  }

  private static RecordedSpan only(List<RecordedSpan> trace, String name) {
    List<RecordedSpan> matching = named(trace, name);
    assertThat(matching).as("spans named '%s' in %s", name, trace).hasSize(1);
    return matching.get(0);
  }

  private static List<RecordedSpan> named(List<RecordedSpan> trace, String name) {
    return trace.stream().filter(s -> name.equals(s.name())).toList();
  }

  private static List<RecordedSpan> ofKind(List<RecordedSpan> trace, String kind) {
    return trace.stream().filter(s -> kind.equals(s.kind())).toList();
  }

  private static List<String> ids(List<RecordedSpan> spans) {
    return spans.stream().map(RecordedSpan::spanId).toList();
  }

  static String hex(int digits) {
    StringBuilder id = new StringBuilder(digits);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (id.length() < digits) {
      id.append(Character.forDigit(random.nextInt(16), 16));
    }
    // an all-zero id is invalid; make the first digit non-zero
    id.setCharAt(0, Character.forDigit(1 + random.nextInt(15), 16));
    return id.toString();
  }

  private Path freshWorkDir() throws IOException {
    Path dir =
        Path.of(System.getProperty("it.work-dir", "target/it-run"), getClass().getSimpleName());
    if (Files.exists(dir)) {
      try (Stream<Path> tree = Files.walk(dir)) {
        for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    return Files.createDirectories(dir).toAbsolutePath();
  }

  private static Duration startupTimeout() {
    return Duration.ofSeconds(Long.getLong("it.startup-timeout-seconds", 180));
  }
}

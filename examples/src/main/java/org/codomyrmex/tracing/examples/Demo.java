package org.codomyrmex.tracing.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracers;

/**
 * The demo: starts a traced shop on 127.0.0.1, sends it a few orders and prints each order's trace
 * as a tree, then stops after a short while ({@code -Ddemo.keep-running=true}: at Ctrl+C).
 *
 * <pre>{@code
 * ./mvnw -q -pl examples -am package -DskipTests -Pdemo
 * }</pre>
 */
public final class Demo {
  /** The orders the demo places: in stock, sold out (404 downstream), card declined (500). */
  static final List<String> ORDERS = List.of("42", "7", OrderService.DECLINED);

  // generous: a cold JVM's first request on a busy machine has taken over 10 s
  private static final Duration TRACE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(60);
  private static final String TRACE_ID_HEADER = "X-Trace-Id";
  private static final String VIEWER_ENABLED = "tracing.ui.enabled";
  private static final String VIEWER_PATH = "tracing.ui.path";

  private final URI api;
  private final PrintStream out;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

  Demo(URI api, PrintStream out) {
    this.api = api;
    this.out = out;
  }

  /** Runs the demo; see the class comment for the options. */
  public static void main(String[] args) throws Exception {
    quietLogging();
    defaultProperty("tracing.service-name", "shop");
    defaultProperty(VIEWER_ENABLED, "true");
    DemoOptions options = DemoOptions.fromSystemProperties();
    Shop shop = Shop.start(options.port());
    try {
      new Demo(shop.api(), System.out).placeOrders();
      if (Boolean.parseBoolean(System.getProperty(VIEWER_ENABLED))) {
        System.out.println("Trace viewer: " + viewer(shop.api()));
      }
      stayUp(options);
    } finally {
      shop.close();
    }
    System.exit(0); // the runtimes leave non-daemon threads behind
  }

  /** The trace viewer's page: {@code tracing.ui.path} (default {@code /tracing}) under the API. */
  static URI viewer(URI api) {
    return api.resolve(System.getProperty(VIEWER_PATH, "/tracing").replaceFirst("^/", ""));
  }

  private static void defaultProperty(String key, String value) {
    System.setProperty(key, System.getProperty(key, value));
  }

  /** Places each of {@link #ORDERS} and prints the request, its response and its trace. */
  void placeOrders() throws IOException, InterruptedException {
    out.println("The shop is up at " + api);
    get(api.resolve("orders/1"));
    out.println(
        "(a warm-up order went first, not printed here: a JVM's first request loads classes)");
    for (String order : ORDERS) {
      URI uri = api.resolve("orders/" + order);
      HttpResponse<String> response = get(uri);
      String traceId = response.headers().firstValue(TRACE_ID_HEADER).orElse("");
      out.println();
      out.printf(
          "GET %s -> %d %s%n", uri.getPath(), response.statusCode(), response.body().strip());
      List<Span> spans = awaitTrace(traceId);
      out.printf("trace %s, %d spans%n", traceId, spans.size());
      TraceTree.render(spans).forEach(line -> out.println("  " + line));
    }
    out.println();
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The spans of {@code traceId} once its root has been exported (or what there is at timeout). */
  private static List<Span> awaitTrace(String traceId) throws InterruptedException {
    long deadline = System.nanoTime() + TRACE_TIMEOUT.toNanos();
    List<Span> spans = List.of();
    while (System.nanoTime() < deadline) {
      Tracers.defaultTracer().flush();
      spans = SpanSink.SPANS.getSpans(traceId);
      if (spans.stream().anyMatch(span -> span.parentSpanId() == null)) {
        return spans;
      }
      Thread.sleep(20);
    }
    return spans;
  }

  private static void stayUp(DemoOptions options) throws InterruptedException {
    if (options.keepRunning()) {
      System.out.println("Running until Ctrl+C (demo.keep-running=true).");
      CountDownLatch never = new CountDownLatch(1);
      never.await();
    }
    if (options.lingerSeconds() > 0) {
      System.out.printf(
          "Stopping in %d s (-Ddemo.keep-running=true keeps it running).%n",
          options.lingerSeconds());
      TimeUnit.SECONDS.sleep(options.lingerSeconds());
    }
  }

  private static void quietLogging() throws IOException {
    System.setProperty("org.jboss.logging.provider", "jdk");
    try (InputStream config = Demo.class.getResourceAsStream("/demo-logging.properties")) {
      if (config != null) {
        LogManager.getLogManager().readConfiguration(config);
      }
    }
  }
}

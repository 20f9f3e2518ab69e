package org.codomyrmex.tracing.examples;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.export.ConsoleExporter;

/**
 * Prints one small trace as JSON: a server span, a nested internal span, a client span handed to a
 * pool thread, and a recorded exception.
 *
 * <pre>{@code
 * ./mvnw -q -pl examples -am install -DskipTests && ./mvnw -q -pl examples exec:java
 * }</pre>
 */
public final class QuickStart {
  private QuickStart() {}

  /** Runs the example. */
  public static void main(String[] args) throws Exception {
    Tracer tracer = Tracer.create("quick-start", new ConsoleExporter());
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Span request = tracer.span("GET /api/orders/{id}", SpanKind.SERVER)) {
      request.setAttribute("http.request.method", "GET").setAttribute("url.path", "/api/orders/42");
      loadOrder(tracer);
      Future<?> call = pool.submit(Tracers.wrap(() -> callStock(tracer)));
      call.get();
      request.setAttribute("http.response.status_code", 200L);
    } finally {
      pool.shutdown();
      tracer.shutdown(); // flushes: every span is printed before the JVM exits
    }
  }

  private static void loadOrder(Tracer tracer) {
    try (Span span = tracer.span("OrderRepository.find")) {
      span.setAttribute("order.id", 42L).addEvent("cache-miss", Map.of("cache", "orders"));
    }
  }

  private static void callStock(Tracer tracer) {
    Span client = tracer.startSpan("GET", SpanKind.CLIENT);
    client.setAttribute("url.full", "http://stock.local/api/stock/sku-1");
    client.recordException(new IllegalStateException("stock service unavailable"));
    client.finish();
  }
}

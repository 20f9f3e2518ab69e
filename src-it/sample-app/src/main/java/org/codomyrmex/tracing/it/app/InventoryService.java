package org.codomyrmex.tracing.it.app;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.cdi.Traced;

/** A traced bean: each call is an INTERNAL span, with a manual span around the stock calls. */
@ApplicationScoped
@Traced
public class InventoryService {
  @Inject Tracer tracer;
  @Inject JaxrsStockClient jaxrsClient;
  private ExecutorService pool;
  private Executor tracedPool;

  @PostConstruct
  void start() {
    pool = Executors.newFixedThreadPool(2);
    tracedPool = Tracers.wrap(pool); // tasks run with the span that was current when submitted
  }

  @PreDestroy
  void stop() {
    pool.shutdown();
  }

  /**
   * Asks the stock service once per client named in {@code clients}; fails for ids {@code boom*}.
   */
  public String reserve(String orderId, URI api, List<String> clients) {
    return reserveNow(orderId, api, clients);
  }

  /** The same as {@link #reserve}, on a pool thread; the span ends when the stage completes. */
  public CompletionStage<String> reserveLater(String orderId, URI api, List<String> clients) {
    return CompletableFuture.supplyAsync(() -> reserveNow(orderId, api, clients), tracedPool);
  }

  // Private, so never intercepted: ArC intercepts self-invocations of public methods, Weld does
  // not.
  private String reserveNow(String orderId, URI api, List<String> clients) {
    if (orderId.startsWith("boom")) {
      throw new OrderRejectedException(orderId);
    }
    List<String> answers = new ArrayList<>();
    try (Span span = tracer.span("manual")) {
      span.setAttribute("order.id", orderId);
      for (String client : clients) {
        answers.add(client + "=" + quantity(client, api, "sku-" + orderId));
      }
    }
    return String.join(",", answers);
  }

  private String quantity(String client, URI api, String sku) {
    return switch (client) {
      case "jaxrs" -> jaxrsClient.quantity(api, sku);
      // MicroProfile Rest Client classes are only touched on runtimes that ship them.
      case "mp" -> MicroProfileStockClient.quantity(api, sku);
      default -> throw new IllegalArgumentException("unknown client " + client);
    };
  }
}

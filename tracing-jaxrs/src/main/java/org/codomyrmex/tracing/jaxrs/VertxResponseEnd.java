package org.codomyrmex.tracing.jaxrs;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

/**
 * Ends a server span when Vert.x has sent the response (Quarkus REST), for the requests whose
 * response filter never runs: an unmapped exception from a resource the interceptor cannot reach (a
 * {@code final} class). Loaded only where Vert.x Web is on the class path.
 */
final class VertxResponseEnd {
  private final Instance<RoutingContext> contexts;

  private VertxResponseEnd(Instance<RoutingContext> contexts) {
    this.contexts = contexts;
  }

  /** Returns a watcher when the current request's routing context is a bean here, else null. */
  static VertxResponseEnd lookUp() {
    try {
      Instance<RoutingContext> contexts = CDI.current().select(RoutingContext.class);
      return contexts.isResolvable() ? new VertxResponseEnd(contexts) : null;
    } catch (RuntimeException e) {
      return null; // no CDI container, or Vert.x Web without a routing-context bean
    }
  }

  /** Ends {@code state} with the status sent, unless it has ended already. */
  void watch(ServerSpan state) {
    RoutingContext context = contexts.get(); // a proxy of the request: not usable after it
    HttpServerResponse response = context.response();
    context.addEndHandler(done -> state.sent(response.getStatusCode()));
  }
}

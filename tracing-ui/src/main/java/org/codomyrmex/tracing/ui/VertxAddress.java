package org.codomyrmex.tracing.ui;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

/** The client address from the Vert.x routing context bean (Quarkus); loaded only with Vert.x. */
final class VertxAddress {
  private VertxAddress() {}

  static String current() {
    Instance<RoutingContext> contexts = CDI.current().select(RoutingContext.class);
    if (!contexts.isResolvable()) {
      return null;
    }
    SocketAddress remote = contexts.get().request().remoteAddress();
    return remote == null ? null : remote.hostAddress();
  }
}

package org.codomyrmex.tracing.bench.jaxrs;

import jakarta.ws.rs.SeBootstrap;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/**
 * {@link BenchApplication} on RESTEasy's {@code SeBootstrap} (Undertow, Weld SE), 127.0.0.1 only.
 */
final class LoopbackServer {
  private SeBootstrap.Instance instance;
  private int port;

  void start() throws Exception {
    port = freePort();
    SeBootstrap.Configuration config =
        SeBootstrap.Configuration.builder().protocol("HTTP").host("127.0.0.1").port(port).build();
    instance =
        SeBootstrap.start(new BenchApplication(), config)
            .toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
  }

  int port() {
    return port;
  }

  void stop() throws Exception {
    instance.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

package org.codomyrmex.tracing.examples;

import dev.resteasy.embedded.server.UndertowCdiEmbeddedServer;
import jakarta.ws.rs.SeBootstrap;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** The shop running on RESTEasy + Weld SE ({@code SeBootstrap}, Undertow) on 127.0.0.1. */
final class Shop implements AutoCloseable {
  private static final String SERVER_INSTANCE = "org.jboss.resteasy.se.embedded.server.instance";
  private static final int START_TIMEOUT_SECONDS = 60;
  private static final int STOP_TIMEOUT_SECONDS = 30;

  private final SeBootstrap.Instance instance;
  private final URI api;

  private Shop(SeBootstrap.Instance instance, URI api) {
    this.instance = instance;
    this.api = api;
  }

  /** Starts the shop on {@code port} of 127.0.0.1, or on a free port when {@code port} is 0. */
  static Shop start(int port) throws Exception {
    int bound = port == 0 ? freePort() : port;
    SeBootstrap.Configuration config =
        SeBootstrap.Configuration.builder()
            .host("127.0.0.1")
            .port(bound)
            .rootPath("/")
            .property(SERVER_INSTANCE, new UndertowCdiEmbeddedServer())
            .build();
    SeBootstrap.Instance instance =
        SeBootstrap.start(new ShopApp(), config)
            .toCompletableFuture()
            .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    return new Shop(instance, URI.create("http://127.0.0.1:" + bound + "/api/"));
  }

  /** The application's base URI, {@code http://127.0.0.1:<port>/api/}. */
  URI api() {
    return api;
  }

  @Override
  public void close() throws Exception {
    instance.stop().toCompletableFuture().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

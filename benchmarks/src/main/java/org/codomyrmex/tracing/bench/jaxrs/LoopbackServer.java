package org.codomyrmex.tracing.bench.jaxrs;

import dev.resteasy.embedded.server.UndertowCdiEmbeddedServer;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.SeBootstrap;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.bench.cdi.CountingExporterBean;
import org.jboss.resteasy.plugins.server.netty.cdi.CdiNettyJaxrsServer;

/**
 * {@link BenchApplication} on RESTEasy's {@code SeBootstrap}, 127.0.0.1 only: on Undertow (Weld SE
 * started by RESTEasy, as in the integration tests) or on Netty (Weld SE started here).
 */
final class LoopbackServer {
  // RESTEasy's SeBootstrap property that names the embedded server instance to use
  private static final String EMBEDDED_SERVER = "org.jboss.resteasy.se.embedded.server.instance";
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private SeBootstrap.Instance instance;
  private SeContainer container;
  private String requestThreads;
  private int port;

  /** Starts on Undertow. */
  void start() throws Exception {
    start("undertow");
  }

  /** Starts on {@code runtime}: {@code undertow} or {@code netty}. */
  void start(String runtime) throws Exception {
    port = freePort();
    SeBootstrap.Configuration config =
        SeBootstrap.Configuration.builder()
            .protocol("HTTP")
            .host("127.0.0.1")
            .port(port)
            .property(EMBEDDED_SERVER, embeddedServer(runtime))
            .build();
    instance =
        SeBootstrap.start(new BenchApplication(), config)
            .toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
  }

  /**
   * Opens one keep-alive connection for GETs of {@code paths} ({@code get(i)} requests {@code
   * paths[i]}); its requests count per path as they are sent.
   */
  LoopbackHttpClient connect(String... paths) throws IOException {
    LongAdder[] counters = new LongAdder[paths.length];
    for (int i = 0; i < paths.length; i++) {
      counters[i] = requests.computeIfAbsent(paths[i], p -> new LongAdder());
    }
    return new LoopbackHttpClient(port, paths, counters);
  }

  /** Returns the port the server listens on, on 127.0.0.1. */
  int port() {
    return port;
  }

  /** Returns the name prefix of the threads that run requests on this server's runtime. */
  String requestThreads() {
    return requestThreads;
  }

  /** Returns how many requests the connections have sent to {@code path}. */
  long requests(String path) {
    LongAdder counter = requests.get(path);
    return counter == null ? 0 : counter.sum();
  }

  /**
   * Shuts every tracer down, which flushes it, and returns how many spans the application's
   * counting exporter bean received: one per traced request when nothing was lost.
   */
  long exportedSpans() {
    CountingExporterBean sink = CDI.current().select(CountingExporterBean.class).get();
    Tracers.shutdownAll();
    return sink.count();
  }

  void stop() throws Exception {
    instance.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
    if (container != null) {
      container.close();
    }
  }

  private Object embeddedServer(String runtime) {
    switch (runtime) {
      case "undertow":
        requestThreads = "XNIO-1 task"; // Undertow's worker threads
        return new UndertowCdiEmbeddedServer(); // boots its own Weld container per deployment
      case "netty":
        requestThreads = "nioEventLoopGroup-3"; // Netty's event loops run the requests
        // RESTEasy's Netty server looks resources up in the running container: start one first
        container = SeContainerInitializer.newInstance().initialize();
        return new CdiNettyJaxrsServer();
      default:
        throw new IllegalArgumentException("unknown runtime: " + runtime);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

package org.codomyrmex.tracing.bench.jaxrs;

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

/**
 * {@link BenchApplication} on RESTEasy's {@code SeBootstrap} (Undertow, Weld SE), 127.0.0.1 only.
 */
final class LoopbackServer {
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
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
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

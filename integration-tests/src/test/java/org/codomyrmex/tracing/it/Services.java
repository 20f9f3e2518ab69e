package org.codomyrmex.tracing.it;

import dev.resteasy.embedded.server.UndertowCdiEmbeddedServer;
import jakarta.ws.rs.SeBootstrap;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.internal.Exporters;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the two services once per test run, on 127.0.0.1 and free ports, and stops them when the
 * run ends: "frontend" (RESTEasy + Weld SE through SeBootstrap, resources are CDI beans) and
 * "backend" (plain RESTEasy on Undertow, no CDI: the filters-only path).
 */
final class Services implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {
  static final String FRONTEND = "frontend";
  static final String BACKEND = "backend";
  static final String BACKEND_URL = "it.backend.url";
  static final String SERVER_INSTANCE = "org.jboss.resteasy.se.embedded.server.instance";

  private static volatile Services running;

  private SeBootstrap.Instance frontend;
  private SeBootstrap.Instance backend;
  private URI frontendUri;
  private URI backendUri;

  /** JUnit entry: {@code @ExtendWith(Services.class)}. */
  public Services() {}

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    synchronized (Services.class) {
      if (running == null) {
        Services services = new Services();
        services.start();
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Services.class, services);
        running = services;
      }
    }
  }

  static Services get() {
    return running;
  }

  static URI frontend(String path) {
    return running.frontendUri.resolve(path);
  }

  static URI backend(String path) {
    return running.backendUri.resolve(path);
  }

  static final String TEST_CLIENT = "it-client";

  static void flushAll() {
    CollectingExporter.flush(FRONTEND, BACKEND, TEST_CLIENT);
  }

  private void start() throws Exception {
    System.setProperty("tracing.service-name", FRONTEND);
    System.setProperty("tracing.jaxrs.skip-pattern", ".*/health");
    System.setProperty("tracing.queue-capacity", "100000");
    Tracers.shutdownAll();
    Exporters.override(() -> CollectingExporter.INSTANCE);
    int backendPort = freePort();
    backendUri = URI.create("http://127.0.0.1:" + backendPort + "/");
    System.setProperty(BACKEND_URL, backendUri + "backend");
    backend = start(new BackendApp(), backendPort, plainServer());
    int frontendPort = freePort();
    frontendUri = URI.create("http://127.0.0.1:" + frontendPort + "/");
    frontend = start(new FrontendApp(), frontendPort, new UndertowCdiEmbeddedServer());
  }

  /** A plain RESTEasy server that never uses CDI, even while another service's Weld runs. */
  static UndertowJaxrsServer plainServer() {
    return new UndertowJaxrsServer(); // its resources are @Vetoed, so RESTEasy's CDI registry skips
    // them
  }

  static SeBootstrap.Instance start(Application app, int port, Object server) throws Exception {
    SeBootstrap.Configuration config =
        SeBootstrap.Configuration.builder()
            .host("127.0.0.1")
            .port(port)
            .rootPath("/")
            .property(SERVER_INSTANCE, server)
            .build();
    return SeBootstrap.start(app, config).toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  static void stop(SeBootstrap.Instance instance) throws Exception {
    if (instance != null) {
      instance.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    try {
      stop(frontend);
      stop(backend);
    } finally {
      Exporters.clearOverride();
      running = null;
    }
  }
}

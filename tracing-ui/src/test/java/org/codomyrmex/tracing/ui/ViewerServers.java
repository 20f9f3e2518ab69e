package org.codomyrmex.tracing.ui;

import dev.resteasy.embedded.server.UndertowCdiEmbeddedServer;
import io.undertow.Undertow;
import io.undertow.server.handlers.ProxyPeerAddressHandler;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.ws.rs.SeBootstrap;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.Tracers;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;

/** Starts the test services on 127.0.0.1 and free ports; a plain HTTP client to call them. */
final class ViewerServers {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private ViewerServers() {}

  /**
   * The shop on Weld SE + RESTEasy through SeBootstrap, the viewer on, its service "shop" exporting
   * to {@code exporter} too.
   */
  static SeBootstrap.Instance startShop(String exporter) throws Exception {
    Map.of(
            "tracing.ui.enabled", "true",
            "tracing.service-name", "shop",
            "tracing.exporter", exporter,
            "tracing.flush-interval-ms", "50")
        .forEach(System::setProperty);
    Tracers.shutdownAll(); // tracers made from now on read these properties
    int port = freePort();
    System.setProperty(Warehouse.STOCK_URL, "http://127.0.0.1:" + port + "/api/stock");
    SeBootstrap.Configuration config =
        SeBootstrap.Configuration.builder()
            .host("127.0.0.1")
            .port(port)
            .rootPath("/")
            .property(
                "org.jboss.resteasy.se.embedded.server.instance", new UndertowCdiEmbeddedServer())
            .build();
    return SeBootstrap.start(new ShopApp(), config)
        .toCompletableFuture()
        .get(180, TimeUnit.SECONDS);
  }

  /** Stops the shop and turns the viewer and the exporter back to their defaults. */
  static void stopShop(SeBootstrap.Instance instance) throws Exception {
    try {
      if (instance != null) {
        instance.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    } finally {
      System.clearProperty("tracing.ui.enabled");
      System.clearProperty("tracing.exporter");
      Tracers.shutdownAll();
    }
  }

  /**
   * Plain RESTEasy on Undertow (no CDI) behind Undertow's proxy-peer handler, which takes the
   * client address from {@code X-Forwarded-For} as a server behind a reverse proxy does: a real
   * request arrives with a non-loopback client address.
   */
  static UndertowJaxrsServer startBehindProxy(int port, Class<? extends Application> app) {
    UndertowJaxrsServer server = new UndertowJaxrsServer();
    server.start(Undertow.builder().addHttpListener(port, "127.0.0.1"));
    DeploymentInfo deployment =
        server
            .undertowDeployment(app)
            .setDeploymentName("behind-proxy-" + port)
            .setContextPath("/")
            .addInitialHandlerChainWrapper(ProxyPeerAddressHandler::new);
    server.deploy(deployment);
    return server;
  }

  static URI uri(SeBootstrap.Instance instance, String path) {
    return instance.configuration().baseUri().resolve(path);
  }

  static HttpResponse<String> get(URI uri, String... headers) {
    return send(HttpRequest.newBuilder(uri).GET(), headers);
  }

  static HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}

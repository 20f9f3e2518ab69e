package org.codomyrmex.tracing.it.w3c;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.SeBootstrap;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.jaxrs.TracingClientFeature;
import org.jboss.resteasy.core.InjectorFactoryImpl;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;

/**
 * Two plain RESTEasy services on loopback whose tracing filters are built with {@code
 * tracing.propagation=x-trace,w3c}: "w3c-relay" calls "w3c-echo" through a traced client, and
 * "w3c-echo" answers with the tracing headers it received.
 */
final class W3cServices implements AutoCloseable {
  static final String RELAY = "w3c-relay";
  static final String ECHO = "w3c-echo";
  static final List<String> HEADERS =
      List.of(
          "traceparent", "tracestate", "X-Trace-Id", "X-Span-Id", "X-Parent-Span-Id", "X-Sampled");

  private static volatile Client downstream;
  private static volatile URI echoUri;

  private final SeBootstrap.Instance echo;
  private final SeBootstrap.Instance relay;
  private final URI relayUri;

  private W3cServices(SeBootstrap.Instance echo, SeBootstrap.Instance relay, URI relayUri) {
    this.echo = echo;
    this.relay = relay;
    this.relayUri = relayUri;
  }

  /** Starts both services; the filters and the client read the configuration now. */
  static W3cServices start() throws Exception {
    int echoPort = freePort();
    echoUri = URI.create("http://127.0.0.1:" + echoPort + "/echo/headers");
    downstream = ClientBuilder.newBuilder().register(TracingClientFeature.class).build();
    SeBootstrap.Instance echo = start(new EchoApp(), echoPort);
    int relayPort = freePort();
    SeBootstrap.Instance relay = start(new RelayApp(), relayPort);
    return new W3cServices(
        echo, relay, URI.create("http://127.0.0.1:" + relayPort + "/relay/call"));
  }

  URI relayUri() {
    return relayUri;
  }

  private static SeBootstrap.Instance start(Application app, int port) throws Exception {
    UndertowJaxrsServer server = new UndertowJaxrsServer();
    server.getDeployment().setInjectorFactory(new InjectorFactoryImpl()); // no CDI
    SeBootstrap.Configuration config =
        SeBootstrap.Configuration.builder()
            .host("127.0.0.1")
            .port(port)
            .rootPath("/")
            .property("org.jboss.resteasy.se.embedded.server.instance", server)
            .build();
    return SeBootstrap.start(app, config).toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    try {
      relay.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
      echo.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } finally {
      downstream.close();
    }
  }

  static String currentSpanId() {
    return Tracers.currentSpan().map(Span::spanId).orElse("none");
  }

  /** The downstream service. */
  @ApplicationPath("/echo")
  public static class EchoApp extends Application {
    @Override
    public Set<Class<?>> getClasses() {
      return Set.of(EchoResource.class);
    }

    @Override
    public Map<String, Object> getProperties() {
      return Map.of("tracing.service-name", ECHO);
    }
  }

  /** Answers "name=value" lines: the tracing headers received and the current span. */
  @Path("/")
  @Produces(MediaType.TEXT_PLAIN)
  public static class EchoResource {
    @GET
    @Path("headers")
    public String headers(@Context HttpHeaders headers) {
      StringBuilder body = new StringBuilder();
      for (String name : HEADERS) {
        body.append(name).append('=').append(headers.getHeaderString(name)).append('\n');
      }
      return body.append("echo=").append(currentSpanId()).toString();
    }
  }

  /** The service a caller reaches first. */
  @ApplicationPath("/relay")
  public static class RelayApp extends Application {
    @Override
    public Set<Class<?>> getClasses() {
      return Set.of(RelayResource.class);
    }

    @Override
    public Map<String, Object> getProperties() {
      return Map.of("tracing.service-name", RELAY);
    }
  }

  /** Calls the echo service with the traced client and passes its answer on. */
  @Path("/")
  @Produces(MediaType.TEXT_PLAIN)
  public static class RelayResource {
    @GET
    @Path("call")
    public String call() {
      String echoed = downstream.target(echoUri).request().get(String.class);
      return echoed + "\nrelay=" + currentSpanId();
    }
  }
}

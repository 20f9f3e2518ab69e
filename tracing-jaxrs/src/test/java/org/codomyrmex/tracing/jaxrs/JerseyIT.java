package org.codomyrmex.tracing.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.SpanStatus;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jersey, the Jakarta REST runtime of Payara: the server filter arrives through the Feature service
 * without any registration, and the client feature ends spans of failed transports.
 */
class JerseyIT {
  private static final String SERVICE = "jersey-it";
  private static final List<Span> EXPORTED = Collections.synchronizedList(new ArrayList<>());
  private static Tracer tracer;
  private static HttpServer server;
  private static URI base;

  /** A resource registered with nothing else: tracing must come from the jar alone. */
  @Path("/orders")
  public static class Orders {
    @GET
    @Path("{id}")
    public String order(@PathParam("id") String id, @Context HttpHeaders headers) {
      return "sent-span=" + headers.getHeaderString("X-Span-Id");
    }
  }

  @BeforeAll
  static void start() throws IOException {
    tracer = Tracers.get(SERVICE, EXPORTED::addAll);
    base = URI.create("http://127.0.0.1:" + freePort() + "/");
    ResourceConfig app = new ResourceConfig(Orders.class).property("tracing.service-name", SERVICE);
    server = JdkHttpServerFactory.createHttpServer(base, app);
  }

  @AfterAll
  static void stop() {
    server.stop(0);
    Tracers.shutdownAll();
  }

  @BeforeEach
  void clear() {
    tracer.flush();
    EXPORTED.clear();
  }

  @Test
  void serverSpansWithoutRegistrationAndClientSpansWithTheFeature() {
    Client client = ClientBuilder.newBuilder().register(TracingClientFeature.class).build();
    Span parent;
    String body;
    try (Span span = tracer.span("caller");
        Response response = client.target(base).path("orders/42").request().get()) {
      parent = span;
      assertThat(response.getHeaderString("X-Trace-Id")).isEqualTo(span.traceId());
      body = response.readEntity(String.class);
    } finally {
      client.close();
    }
    tracer.flush();
    List<Span> trace = EXPORTED.stream().filter(s -> s.traceId().equals(parent.traceId())).toList();
    Span clientSpan = only(trace, SpanKind.CLIENT);
    Span serverSpan = only(trace, SpanKind.SERVER);
    assertThat(serverSpan.name()).isEqualTo("GET /orders/{id}");
    assertThat(serverSpan.parentSpanId()).isEqualTo(clientSpan.spanId());
    assertThat(clientSpan.parentSpanId()).isEqualTo(parent.spanId());
    assertThat(body).isEqualTo("sent-span=" + clientSpan.spanId());
  }

  @Test
  void asyncInvokersKeepTheCallersSpanAsParent() throws Exception {
    Client client = ClientBuilder.newBuilder().register(TracingClientFeature.class).build();
    Span parent;
    String body;
    try (Span span = tracer.span("async-caller")) {
      parent = span;
      body =
          client
              .target(base)
              .path("orders/7")
              .request()
              .async()
              .get(String.class)
              .get(10, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      client.close();
    }
    tracer.flush();
    List<Span> trace = EXPORTED.stream().filter(s -> s.traceId().equals(parent.traceId())).toList();
    Span clientSpan = only(trace, SpanKind.CLIENT);
    assertThat(clientSpan.parentSpanId()).isEqualTo(parent.spanId());
    assertThat(body).isEqualTo("sent-span=" + clientSpan.spanId());
  }

  @Test
  void transportFailureEndsTheClientSpanWithError() throws IOException {
    Client client = ClientBuilder.newBuilder().register(TracingClientFeature.class).build();
    URI nowhere = URI.create("http://127.0.0.1:" + freePort() + "/x");
    try (Span span = tracer.span("caller")) {
      assertThatThrownBy(() -> client.target(nowhere).request().get())
          .isInstanceOf(ProcessingException.class);
    } finally {
      client.close();
    }
    tracer.flush();
    Span clientSpan = only(EXPORTED, SpanKind.CLIENT);
    assertThat(clientSpan.status()).isEqualTo(SpanStatus.ERROR);
    assertThat(clientSpan.events()).extracting(Span.Event::name).containsExactly("exception");
  }

  private static Span only(List<Span> spans, SpanKind kind) {
    List<Span> found = spans.stream().filter(s -> s.kind() == kind).toList();
    assertThat(found).as(kind + " spans in " + spans).hasSize(1);
    return found.get(0);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}

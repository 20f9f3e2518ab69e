package org.codomyrmex.tracing.it;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;

/** Frontend endpoints covering the tracing matrix. */
@Path("/")
@Produces(MediaType.TEXT_PLAIN)
public class FrontendResource {
  private static final Executor LATER = CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS);

  @Inject Tracer tracer;
  @Inject Inventory inventory;
  @Inject Downstream downstream;

  static String current() {
    return Tracers.currentSpan().map(Span::spanId).orElse("none");
  }

  @GET
  @Path("orders/{id}")
  public String order(@PathParam("id") String id) {
    return "current=" + current();
  }

  @GET
  @Path("orders/{id: [0-9]+}/items/{item}")
  public String item(@PathParam("id") long id, @PathParam("item") String item) {
    return "item=" + item;
  }

  @GET
  @Path("status/{code}")
  public Response status(@PathParam("code") int code) {
    return Response.status(code).entity("status").build();
  }

  @GET
  @Path("fail")
  public String fail() {
    throw new IllegalStateException("boom");
  }

  @GET
  @Path("missing")
  public String missing() {
    throw new MissingOrder("42");
  }

  @GET
  @Path("unavailable")
  public String unavailable() {
    throw new Unavailable("down");
  }

  @GET
  @Path("health")
  public String health() {
    return "up current=" + current();
  }

  @GET
  @Path("traced")
  public String traced() {
    String server = current();
    String inner;
    String bean;
    try (Span span = tracer.span("inner-work")) {
      inner = span.spanId();
      bean = inventory.check();
    }
    return "server=" + server + "\ninner=" + inner + "\nbean=" + bean;
  }

  @GET
  @Path("async")
  public void async(@Suspended AsyncResponse response) {
    String server = current();
    try (Span span = tracer.span("before-suspend")) {
      span.setAttribute("server", server);
    }
    LATER.execute(
        Tracers.wrap(
            () -> {
              try (Span span = tracer.span("async-work")) {
                span.setAttribute("thread", Thread.currentThread().getName());
              }
              response.resume("server=" + server);
            }));
  }

  @GET
  @Path("async-fail")
  public void asyncFail(@Suspended AsyncResponse response) {
    LATER.execute(() -> response.resume(new IllegalStateException("async boom")));
  }

  @GET
  @Path("stage")
  public CompletionStage<String> stage() {
    String server = current();
    return CompletableFuture.supplyAsync(
        () -> {
          try (Span span = tracer.span("stage-work")) {
            return "server=" + server + "\nwork=" + span.spanId();
          }
        },
        Tracers.wrap(LATER));
  }

  @GET
  @Path("stage-fail")
  public CompletionStage<String> stageFail() {
    return CompletableFuture.supplyAsync(
        () -> {
          throw new IllegalStateException("stage boom");
        },
        LATER);
  }

  @GET
  @Path("chain")
  public String chain(@QueryParam("item") String item) {
    String body =
        downstream.backend("items/" + (item == null ? "7" : item)).request().get(String.class);
    return body + "\nfrontend=" + current();
  }

  @GET
  @Path("chain-fail")
  public Response chainFail() {
    try (Response response = downstream.backend("fail").request().get()) {
      return Response.status(502).entity("backend said " + response.getStatus()).build();
    }
  }

  @GET
  @Path("chain-down")
  public Response chainDown(@QueryParam("port") int port) {
    try (Response response = downstream.nowhere(port).request().get()) {
      return Response.ok("unexpected " + response.getStatus()).build();
    } catch (ProcessingException e) {
      return Response.status(503).entity("down: " + e.getClass().getSimpleName()).build();
    }
  }
}

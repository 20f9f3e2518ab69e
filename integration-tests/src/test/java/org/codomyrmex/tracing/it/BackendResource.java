package org.codomyrmex.tracing.it;

import jakarta.enterprise.inject.Vetoed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracers;

/** Backend endpoints (never CDI beans); they echo what tracing sent them. */
@Vetoed
@Path("/")
@Produces(MediaType.TEXT_PLAIN)
public class BackendResource {
  @GET
  @Path("items/{id}")
  public String item(@PathParam("id") String id, @Context HttpHeaders headers) {
    return "item="
        + id
        + "\ntrace="
        + headers.getHeaderString("X-Trace-Id")
        + "\nspan="
        + headers.getHeaderString("X-Span-Id")
        + "\nparent="
        + headers.getHeaderString("X-Parent-Span-Id")
        + "\nsampled="
        + headers.getHeaderString("X-Sampled")
        + "\ncurrent="
        + Tracers.currentSpan().map(Span::spanId).orElse("none");
  }

  @GET
  @Path("headers")
  public String headers(@Context HttpHeaders headers) {
    TreeSet<String> names = new TreeSet<>();
    headers
        .getRequestHeaders()
        .keySet()
        .forEach(n -> names.add(n.toLowerCase(java.util.Locale.ROOT)));
    return String.join(",", names);
  }

  @GET
  @Path("fail")
  public String fail() {
    throw new IllegalStateException("backend boom");
  }

  @GET
  @Path("slow")
  public String slow() throws InterruptedException {
    Thread.sleep(1500);
    return "slow";
  }

  @GET
  @Path("health")
  public String health() {
    return "current=" + Tracers.currentSpan().map(Span::spanId).orElse("none");
  }

  @GET
  @Path("ping")
  public String ping() {
    return "pong";
  }

  @GET
  @Path("async")
  public void async(@Suspended AsyncResponse response) {
    CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS)
        .execute(() -> response.resume("later"));
  }
}

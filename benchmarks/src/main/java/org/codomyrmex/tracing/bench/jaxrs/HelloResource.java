package org.codomyrmex.tracing.bench.jaxrs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The trivial resource: {@code GET /api/hello}, and the same at {@code /api/hello/untraced}. */
@ApplicationScoped
@Path("hello")
public class HelloResource {

  /** Returns a constant text. */
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String hello() {
    return "hello";
  }

  /** The same text on a second path, which {@link JaxRsPhasedBenchmark} excludes from tracing. */
  @GET
  @Path("untraced")
  @Produces(MediaType.TEXT_PLAIN)
  public String untraced() {
    return "hello";
  }
}

package org.codomyrmex.tracing.bench.jaxrs.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The trivial resource, {@code GET /api/hello}, counting its calls and those inside a span. */
@ApplicationScoped
@Path("hello")
public class HelloResource {

  /** Returns a constant text. */
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String hello() {
    RequestCounts.count();
    return "hello";
  }
}

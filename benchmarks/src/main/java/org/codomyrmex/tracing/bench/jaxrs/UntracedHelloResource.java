package org.codomyrmex.tracing.bench.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@link HelloResource}'s method at {@code GET /api/untraced}, as an application without tracing
 * runs it: {@link BenchApplication} hands the runtime one instance made with {@code new}, which
 * Weld can neither proxy nor intercept. {@link JaxRsPhasedBenchmark} excludes the path from
 * tracing, which leaves the filter's skip check as all that the library does for it.
 */
@Path("untraced")
public final class UntracedHelloResource {

  /** Returns the same constant text as {@link HelloResource#hello()}. */
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String hello() {
    return "hello";
  }
}

package org.codomyrmex.tracing.bench.jaxrs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link HelloResource} again at {@code GET /api/untraced}, as an application without tracing runs
 * it: the same kind of CDI bean, which {@link UnboundResourceExtension} keeps free of the tracing
 * interceptor. {@link JaxRsPhasedBenchmark} excludes the path from tracing, which leaves the
 * filter's skip check as all that the library does for it.
 */
@ApplicationScoped
@Path("untraced")
public class UntracedHelloResource {
  private static final long BUSY_TOKENS = Long.getLong("bench.busy-tokens", 0);

  /** Returns the same constant text as {@link HelloResource#hello()}. */
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String hello() {
    return "hello";
  }

  /**
   * Returns the same text after {@code bench.busy-tokens} of {@link Blackhole#consumeCPU} work: an
   * application's own CPU per request, to compare tracing's cost with (not traced either).
   */
  @GET
  @Path("busy")
  @Produces(MediaType.TEXT_PLAIN)
  public String busy() {
    Blackhole.consumeCPU(BUSY_TOKENS);
    return "hello";
  }
}

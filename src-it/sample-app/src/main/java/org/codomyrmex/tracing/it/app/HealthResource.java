package org.codomyrmex.tracing.it.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Readiness check; the sample configurations exclude it from tracing with the skip pattern. */
@Path("/health")
public class HealthResource {

  /** Answers {@code ok}. */
  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String health() {
    return "ok";
  }
}

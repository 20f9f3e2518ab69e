package org.codomyrmex.tracing.it.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.codomyrmex.tracing.Tracer;

/**
 * A badly behaved resource: it makes a span current and never closes it, so a pooled worker thread
 * would carry it into the next request unless the server filter isolates requests.
 */
@Path("/leaky")
@RequestScoped
public class LeakyResource {
  @Inject Tracer tracer;

  /** Leaves span {@code leaked-{n}} current on the worker thread. */
  @GET
  @Path("{n}")
  @Produces(MediaType.TEXT_PLAIN)
  public String leak(@PathParam("n") String n) {
    tracer.span("leaked-" + n);
    return "leaked";
  }
}

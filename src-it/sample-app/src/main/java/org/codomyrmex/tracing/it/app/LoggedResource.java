package org.codomyrmex.tracing.it.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.logging.Logger;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracers;

/**
 * Logs one line through java.util.logging, which every runtime routes to its own log: what the
 * log-correlation tests look for in the server's output.
 */
@Path("/logged")
public class LoggedResource {
  private static final Logger LOG = Logger.getLogger(LoggedResource.class.getName());

  /** Logs {@code logged <marker>} and answers with the id of the span current here. */
  @GET
  @Path("{marker}")
  @Produces(MediaType.TEXT_PLAIN)
  public String logged(@PathParam("marker") String marker) {
    LOG.info("logged " + marker);
    return Tracers.currentSpan().map(Span::spanId).orElse("none");
  }
}

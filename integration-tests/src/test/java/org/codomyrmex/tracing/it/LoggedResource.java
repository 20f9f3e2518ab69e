package org.codomyrmex.tracing.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs one SLF4J line per request: what log correlation is checked on. */
@Path("logged")
@Produces(MediaType.TEXT_PLAIN)
public class LoggedResource {
  static final String LOGGER = "it.logged";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  /** A traced request: logs a line and answers with the server span's id. */
  @GET
  public String traced() {
    LOG.info("traced");
    return FrontendResource.current();
  }

  /** Skipped by {@code tracing.jaxrs.skip-pattern}: logs a line with no span current. */
  @GET
  @Path("health")
  public String health() {
    LOG.info("health");
    return FrontendResource.current();
  }
}

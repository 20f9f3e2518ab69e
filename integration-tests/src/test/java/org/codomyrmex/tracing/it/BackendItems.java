package org.codomyrmex.tracing.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A MicroProfile Rest Client interface for the backend. */
@Path("/")
public interface BackendItems {
  @GET
  @Path("items/{id}")
  @Produces(MediaType.TEXT_PLAIN)
  String item(@PathParam("id") String id);
}

package org.codomyrmex.tracing.it;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The application's own mapper: 503. */
@Provider
public class UnavailableMapper implements ExceptionMapper<Unavailable> {
  @Override
  public Response toResponse(Unavailable exception) {
    return Response.status(503).entity("unavailable").build();
  }
}

package org.codomyrmex.tracing.it;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The application's own mapper: 404 with a body of its choosing. */
@Provider
public class MissingOrderMapper implements ExceptionMapper<MissingOrder> {
  @Override
  public Response toResponse(MissingOrder exception) {
    return Response.status(404).entity("missing: " + exception.getMessage()).build();
  }
}

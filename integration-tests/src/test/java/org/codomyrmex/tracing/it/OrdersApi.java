package org.codomyrmex.tracing.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** An API as generators write it: every JAX-RS annotation on the interface. */
@Path("contract")
public interface OrdersApi {
  @GET
  @Path("{id}")
  @Produces(MediaType.TEXT_PLAIN)
  String order(@PathParam("id") String id);

  @GET
  @Path("fail")
  @Produces(MediaType.TEXT_PLAIN)
  String fail();
}

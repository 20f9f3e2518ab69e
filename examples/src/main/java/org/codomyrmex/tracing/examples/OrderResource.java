package org.codomyrmex.tracing.examples;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code GET /api/orders/{id}}: places an order through the traced {@link OrderService}. */
@RequestScoped
@Path("orders")
@Produces(MediaType.TEXT_PLAIN)
public class OrderResource {
  @Inject OrderService orders;
  @Context UriInfo uri;

  /** Places order {@code id}: 200 when the item is in stock, 409 when it is not. */
  @GET
  @Path("{id}")
  public Response place(@PathParam("id") String id) {
    boolean reserved = orders.place(id, uri.getBaseUri());
    return reserved
        ? Response.ok("order " + id + " placed\n").build()
        : Response.status(Response.Status.CONFLICT)
            .entity("order " + id + ": out of stock\n")
            .build();
  }
}

package org.codomyrmex.tracing.examples;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/stock/{sku}}: the second resource, called over HTTP by {@link StockClient}. */
@RequestScoped
@Path("stock")
@Produces(MediaType.TEXT_PLAIN)
public class StockResource {
  /** The item the shop has run out of: its reservation answers 404. */
  static final String SOLD_OUT = "sku-7";

  /** Reserves one {@code sku}: 200, or 404 for the sold-out item. */
  @GET
  @Path("{sku}")
  public Response reserve(@PathParam("sku") String sku) {
    return SOLD_OUT.equals(sku)
        ? Response.status(Response.Status.NOT_FOUND).entity(sku + " sold out\n").build()
        : Response.ok(sku + " reserved\n").build();
  }
}

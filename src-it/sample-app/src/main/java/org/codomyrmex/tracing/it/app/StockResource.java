package org.codomyrmex.tracing.it.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The downstream service the orders resource calls over HTTP. */
@Path("/stock")
public class StockResource {

  /** The quantity in stock of a SKU (always 7). */
  @GET
  @Path("{sku}")
  @Produces(MediaType.TEXT_PLAIN)
  public String quantity(@PathParam("sku") String sku) {
    return "7";
  }
}

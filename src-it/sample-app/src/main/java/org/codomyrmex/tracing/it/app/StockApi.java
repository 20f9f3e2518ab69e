package org.codomyrmex.tracing.it.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The stock service as a MicroProfile Rest Client interface. No type-level {@code @Path}: Jersey
 * would take the interface for a second root resource next to {@link StockResource}.
 */
public interface StockApi {

  /** The quantity in stock of a SKU. */
  @GET
  @Path("stock/{sku}")
  @Produces(MediaType.TEXT_PLAIN)
  String quantity(@PathParam("sku") String sku);
}

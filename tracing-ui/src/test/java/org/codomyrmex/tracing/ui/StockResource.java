package org.codomyrmex.tracing.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The second resource, called through the traced client. */
@RequestScoped
@Path("stock/{sku}")
@Produces(MediaType.TEXT_PLAIN)
public class StockResource {
  @GET
  public String stock(@PathParam("sku") String sku) {
    return "12";
  }
}

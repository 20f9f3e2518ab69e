package org.codomyrmex.tracing.it.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Orders: reserves stock through {@link InventoryService}. */
@Path("/orders")
@RequestScoped
public class OrderResource {
  @Inject InventoryService inventory;

  /**
   * Reserves stock for an order; {@code via} lists the clients to call the stock service with
   * ({@code jaxrs}, {@code mp}). An id starting with {@code boom} fails with an unmapped exception.
   */
  @GET
  @Path("{id}")
  @Produces(MediaType.TEXT_PLAIN)
  public String order(
      @PathParam("id") String id,
      @QueryParam("via") @DefaultValue("jaxrs") String via,
      @Context UriInfo uriInfo) {
    return "order " + id + ": " + inventory.reserve(id, uriInfo.getBaseUri(), clients(via));
  }

  /** The same order, answered asynchronously: the resource returns before the stock is reserved. */
  @GET
  @Path("{id}/async")
  @Produces(MediaType.TEXT_PLAIN)
  public CompletionStage<String> orderLater(
      @PathParam("id") String id,
      @QueryParam("via") @DefaultValue("jaxrs") String via,
      @Context UriInfo uriInfo) {
    return inventory
        .reserveLater(id, uriInfo.getBaseUri(), clients(via))
        .thenApply(reserved -> "order " + id + ": " + reserved);
  }

  private static List<String> clients(String via) {
    return List.of(via.split(","));
  }
}

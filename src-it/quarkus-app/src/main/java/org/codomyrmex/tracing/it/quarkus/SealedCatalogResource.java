package org.codomyrmex.tracing.it.quarkus;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A final resource class, which no interceptor can reach; ids starting with {@code boom} fail. */
@Path("/sealed-catalog")
public final class SealedCatalogResource {
  /** The name of a catalog item. */
  @GET
  @Path("{id}")
  @Produces(MediaType.TEXT_PLAIN)
  public String item(@PathParam("id") String id) {
    if (id.startsWith("boom")) {
      throw new CatalogItemMissingException(id);
    }
    return "item " + id;
  }
}

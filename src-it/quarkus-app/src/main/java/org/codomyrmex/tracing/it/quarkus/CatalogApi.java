package org.codomyrmex.tracing.it.quarkus;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A resource contract as API generators write it: every JAX-RS annotation on the interface, none on
 * the implementation ({@link CatalogResource}). Quarkus only: Payara's Jersey would also take the
 * interface itself for a root resource.
 */
@Path("/catalog")
public interface CatalogApi {
  /** The name of a catalog item; ids starting with {@code boom} fail without a mapper. */
  @GET
  @Path("{id}")
  @Produces(MediaType.TEXT_PLAIN)
  String item(@PathParam("id") String id);
}

package org.codomyrmex.tracing.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;

/**
 * Orders (a nested trace through a @Traced bean and the traced client), a failure, hostile text.
 */
@RequestScoped
@Path("shop")
@Produces(MediaType.TEXT_PLAIN)
public class ShopResource {
  static final String HOSTILE = "<img src=x onerror=alert(1)>";

  @Inject Warehouse warehouse;
  @Inject Tracer tracer;

  @GET
  @Path("orders/{id}")
  public String order(@PathParam("id") String id) {
    return "reserved " + warehouse.reserve(id);
  }

  @GET
  @Path("pay")
  public String pay() {
    throw new IllegalStateException("payment gateway <b>refused</b>");
  }

  @GET
  @Path("hostile")
  public String hostile() {
    try (Span span = tracer.span(HOSTILE)) {
      span.setAttribute(HOSTILE, HOSTILE);
      span.addEvent(HOSTILE);
    }
    return "ok";
  }
}

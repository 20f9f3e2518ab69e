package org.codomyrmex.tracing.examples;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.cdi.Traced;

/** A traced bean: every call is a span {@code OrderService.place}, a child of the request's. */
@ApplicationScoped
@Traced
public class OrderService {
  /** The order whose card is always declined: its exception reaches the client unmapped. */
  static final String DECLINED = "13";

  @Inject Tracer tracer;
  @Inject StockClient stock;

  /** Prices the order, charges the card, reserves the item over HTTP: false when out of stock. */
  public boolean place(String orderId, URI api) {
    try (Span span = tracer.span("price-order")) {
      span.setAttribute("order.id", orderId).setAttribute("order.total_cents", 1999L);
    }
    if (DECLINED.equals(orderId)) {
      throw new IllegalStateException("card declined for order " + orderId);
    }
    return stock.reserve(api, "sku-" + orderId);
  }
}

package org.codomyrmex.tracing.it.app;

/**
 * Thrown for orders the shop refuses; no exception mapper handles it, so the runtime answers 500.
 */
public class OrderRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception naming the refused order. */
  public OrderRejectedException(String orderId) {
    super("order rejected: " + orderId);
  }
}

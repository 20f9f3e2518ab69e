package org.codomyrmex.tracing.it;

/** An application exception its own mapper turns into 404. */
public class MissingOrder extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MissingOrder(String message) {
    super(message);
  }
}

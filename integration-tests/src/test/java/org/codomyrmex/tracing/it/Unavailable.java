package org.codomyrmex.tracing.it;

/** An application exception its own mapper turns into 503. */
public class Unavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Unavailable(String message) {
    super(message);
  }
}

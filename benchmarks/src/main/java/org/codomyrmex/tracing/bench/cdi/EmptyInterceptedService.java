package org.codomyrmex.tracing.bench.cdi;

import jakarta.enterprise.context.ApplicationScoped;

/** The same method through {@link EmptyInterceptor}. */
@ApplicationScoped
@Empty
public class EmptyInterceptedService {

  /** A trivial method the JIT cannot fold away. */
  public int work(int value) {
    return value * 31 + 7;
  }
}

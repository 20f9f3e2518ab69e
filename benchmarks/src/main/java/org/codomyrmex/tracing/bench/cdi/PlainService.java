package org.codomyrmex.tracing.bench.cdi;

import jakarta.enterprise.context.ApplicationScoped;

/** The bean method without any interceptor. */
@ApplicationScoped
public class PlainService {

  /** A trivial method the JIT cannot fold away. */
  public int work(int value) {
    return value * 31 + 7;
  }
}

package org.codomyrmex.tracing.bench.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import org.codomyrmex.tracing.cdi.Traced;

/**
 * The same method through {@code @Traced}: span "TracedService.work", child of the current span.
 */
@ApplicationScoped
@Traced
public class TracedService {

  /** A trivial method the JIT cannot fold away. */
  public int work(int value) {
    return value * 31 + 7;
  }
}

package org.codomyrmex.tracing.it;

import jakarta.enterprise.context.ApplicationScoped;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.cdi.Traced;

/** A traced CDI bean called by resources. */
@ApplicationScoped
public class Inventory {
  /** Returns the id of the span current inside this traced method. */
  @Traced
  public String check() {
    return Tracers.currentSpan().map(Span::spanId).orElse("none");
  }
}

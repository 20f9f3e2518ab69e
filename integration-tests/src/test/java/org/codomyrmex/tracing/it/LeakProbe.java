package org.codomyrmex.tracing.it;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.atomic.AtomicInteger;
import org.codomyrmex.tracing.Tracers;

/** Runs before the tracing filter and counts requests whose worker thread still had a span. */
@Provider
@Priority(Priorities.AUTHENTICATION - 500)
public class LeakProbe implements ContainerRequestFilter {
  static final AtomicInteger LEAKS = new AtomicInteger();
  static final AtomicInteger SEEN = new AtomicInteger();

  @Override
  public void filter(ContainerRequestContext request) {
    SEEN.incrementAndGet();
    if (Tracers.currentSpan().isPresent()) {
      LEAKS.incrementAndGet();
    }
  }
}

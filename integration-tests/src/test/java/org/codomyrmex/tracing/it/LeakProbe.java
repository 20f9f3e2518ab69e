package org.codomyrmex.tracing.it;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.atomic.AtomicInteger;
import org.codomyrmex.tracing.Scope;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracers;

/**
 * Runs before the tracing filter and counts requests whose worker thread still had a span. With
 * {@code X-Test-Stale: true} it leaves a span current on the worker, as a leaky application would,
 * and after the tracing filter's response side reports in {@code X-Test-Stale-Restored} whether
 * that span is current again, then closes its scope.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 500)
public class LeakProbe implements ContainerRequestFilter, ContainerResponseFilter {
  static final AtomicInteger LEAKS = new AtomicInteger();
  static final AtomicInteger SEEN = new AtomicInteger();
  static final String STALE_HEADER = "X-Test-Stale";
  static final String RESTORED_HEADER = "X-Test-Stale-Restored";
  private static final String STALE = LeakProbe.class.getName() + ".stale";
  private static final String SCOPE = LeakProbe.class.getName() + ".scope";

  @Override
  public void filter(ContainerRequestContext request) {
    SEEN.incrementAndGet();
    if (Tracers.currentSpan().isPresent()) {
      LEAKS.incrementAndGet();
    }
    if ("true".equals(request.getHeaderString(STALE_HEADER))) {
      Span stale = Tracers.get("stale-probe").startSpan("stale");
      request.setProperty(STALE, stale);
      request.setProperty(SCOPE, stale.makeCurrent());
    }
  }

  // Response filters run in descending priority: this one after the tracing filter's.
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(STALE) instanceof Span stale) {
      boolean restored = Tracers.currentSpan().filter(s -> s == stale).isPresent();
      response.getHeaders().putSingle(RESTORED_HEADER, Boolean.toString(restored));
      ((Scope) request.getProperty(SCOPE)).close();
    }
  }
}

package org.codomyrmex.tracing.jaxrs;

import java.util.ArrayDeque;
import java.util.Deque;
import org.codomyrmex.tracing.Scope;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracers;
import org.jboss.resteasy.spi.concurrent.ThreadContext;

/**
 * Not API: carries the current span into RESTEasy's contextual executors (the client's async
 * invokers, server async work), so a client span started there is a child of the caller's span.
 * RESTEasy loads it as a service; no other runtime ever loads this class.
 */
public final class ResteasyThreadContext implements ThreadContext<Span> {
  private static final ThreadLocal<Deque<Scope>> SCOPES = ThreadLocal.withInitial(ArrayDeque::new);

  /** Captures the span current on the submitting thread (null for none). */
  @Override
  public Span capture() {
    return Tracers.currentSpan().orElse(null);
  }

  /** Makes the captured span (or none) current on the executing thread. */
  @Override
  public void push(Span span) {
    SCOPES.get().push(span == null ? Tracers.clearCurrent() : span.makeCurrent());
  }

  /** Restores what the executing thread had before {@link #push}. */
  @Override
  public void reset(Span span) {
    Scope scope = SCOPES.get().poll();
    if (scope != null) {
      scope.close();
    }
  }
}

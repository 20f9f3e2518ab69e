package org.codomyrmex.tracing.cdi;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The interceptor behind {@link Traced}; enabled for the whole application by its priority, so no
 * beans.xml entry is needed.
 *
 * <p>Registered by {@link TracingExtension} (CDI Full) or {@link TracingBuildCompatibleExtension}
 * (CDI Lite); applications never reference it.
 */
@Traced
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 10)
public class TracedInterceptor {
  // Not final: some containers subclass interceptors (e.g. to make them passivation capable).

  /** Creates the interceptor; called by the container. */
  public TracedInterceptor() {}

  /** Wraps one business method invocation in a span (or only proceeds when tracing is off). */
  @AroundInvoke
  public Object trace(InvocationContext invocation) throws Exception {
    return TracedMethods.resolve(invocation).invoke(invocation);
  }
}

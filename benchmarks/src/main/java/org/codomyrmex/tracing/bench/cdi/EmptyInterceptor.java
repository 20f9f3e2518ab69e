package org.codomyrmex.tracing.bench.cdi;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** An interceptor that only proceeds. */
@Empty
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class EmptyInterceptor {

  /** Proceeds and returns the result unchanged. */
  @AroundInvoke
  public Object around(InvocationContext context) throws Exception {
    return context.proceed();
  }
}

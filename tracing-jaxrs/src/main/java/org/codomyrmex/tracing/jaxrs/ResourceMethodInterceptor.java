package org.codomyrmex.tracing.jaxrs;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Not API: wraps a CDI-managed resource method so its server span sees what it throws (recorded as
 * an {@code exception} event), async results are watched, and the request thread gets back what was
 * current before the request as soon as the method returns.
 */
@TracedResource
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class ResourceMethodInterceptor {
  /** Runs the resource method inside the request's server span bookkeeping. */
  @AroundInvoke
  public Object around(InvocationContext invocation) throws Exception {
    ServerSpan state = ServerSpan.active();
    if (state == null || !state.beginInvocation(invocation.getMethod())) {
      return invocation.proceed();
    }
    try {
      state.watch(invocation.getParameters());
      return state.watch(invocation.proceed(), invocation.getMethod().getReturnType());
    } catch (Exception | Error e) {
      state.failed(e);
      throw e;
    } finally {
      state.endInvocation();
      state.exit();
    }
  }
}

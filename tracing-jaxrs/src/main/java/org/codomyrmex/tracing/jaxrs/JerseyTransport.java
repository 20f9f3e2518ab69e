package org.codomyrmex.tracing.jaxrs;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;

/**
 * On Jersey, ends a client span whose request failed in transport: registers a {@code
 * PostInvocationInterceptor} (Jersey's hook that sees exceptions the response filters never see),
 * built as a dynamic proxy so there is no compile dependency on Jersey.
 */
final class JerseyTransport implements InvocationHandler {
  private static final String HOOK = "org.glassfish.jersey.client.spi.PostInvocationInterceptor";
  private static final String CONTEXT = HOOK + "$ExceptionContext";

  private final Method throwables;

  private JerseyTransport(Method throwables) {
    this.throwables = throwables;
  }

  /** Registers the hook when {@code context} belongs to a Jersey client; else does nothing. */
  static void register(FeatureContext context) {
    ClassLoader loader = context.getClass().getClassLoader();
    try {
      Class<?> hook = Class.forName(HOOK, false, loader);
      Method throwables = Class.forName(CONTEXT, false, loader).getMethod("getThrowables");
      Object proxy =
          Proxy.newProxyInstance(loader, new Class<?>[] {hook}, new JerseyTransport(throwables));
      context.register(proxy);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // not Jersey (or a Jersey without the hook): response filters are all we get
    }
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Exception {
    return switch (method.getName()) {
      case "onException" -> failed((ClientRequestContext) args[0], args[1]);
      case "hashCode" -> System.identityHashCode(proxy);
      case "equals" -> proxy == args[0];
      case "toString" -> "tracing transport hook";
      default -> null; // afterRequest: the response filter has done the work
    };
  }

  private Object failed(ClientRequestContext request, Object exceptionContext) throws Exception {
    Collection<?> all = (Collection<?>) throwables.invoke(exceptionContext);
    Object first = all == null || all.isEmpty() ? null : all.iterator().next();
    if (first instanceof Throwable failure) {
      TracingClientFilter.failed(request, failure);
    }
    return null; // not resolved: Jersey rethrows to the caller as usual
  }
}

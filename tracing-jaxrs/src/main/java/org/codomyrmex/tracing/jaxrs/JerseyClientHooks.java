package org.codomyrmex.tracing.jaxrs;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import org.codomyrmex.tracing.Tracers;

/**
 * Jersey's client hooks, built as one dynamic proxy so there is no compile dependency on Jersey: an
 * {@code InvocationBuilderListener} notes the caller's current span when a request is built (so
 * async invokers, whose filters run on Jersey's executor, keep the parent), and a {@code
 * PostInvocationInterceptor} ends a client span whose transport failed (response filters never see
 * that).
 */
final class JerseyClientHooks implements InvocationHandler {
  private static final String SPI = "org.glassfish.jersey.client.spi.";
  private static final String FAILURE_HOOK = SPI + "PostInvocationInterceptor";
  private static final String BUILDER_HOOK = SPI + "InvocationBuilderListener";

  private final Method throwables;
  private final Method property;

  private JerseyClientHooks(Method throwables, Method property) {
    this.throwables = throwables;
    this.property = property;
  }

  /** Registers the hooks when {@code context} belongs to a Jersey client; else does nothing. */
  static void register(FeatureContext context) {
    ClassLoader loader = context.getClass().getClassLoader();
    try {
      Class<?> failureHook = Class.forName(FAILURE_HOOK, false, loader);
      Class<?> builderHook = Class.forName(BUILDER_HOOK, false, loader);
      Method throwables = nested(failureHook, "$ExceptionContext").getMethod("getThrowables");
      Method property =
          nested(builderHook, "$InvocationBuilderContext")
              .getMethod("property", String.class, Object.class);
      Class<?>[] hooks = {failureHook, builderHook};
      context.register(
          Proxy.newProxyInstance(loader, hooks, new JerseyClientHooks(throwables, property)));
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // not Jersey (or a Jersey without these hooks): the filters are all we get
    }
  }

  private static Class<?> nested(Class<?> outer, String suffix) throws ClassNotFoundException {
    return Class.forName(outer.getName() + suffix, false, outer.getClassLoader());
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Exception {
    return switch (method.getName()) {
      case "onException" -> failed((ClientRequestContext) args[0], args[1]);
      case "onNewBuilder" -> captureParent(args[0]);
      case "hashCode" -> System.identityHashCode(proxy);
      case "equals" -> proxy == args[0];
      case "toString" -> "tracing client hooks";
      default -> null; // afterRequest: the response filter has done the work
    };
  }

  private Object captureParent(Object builderContext) throws Exception {
    var current = Tracers.currentSpan();
    if (current.isPresent()) {
      property.invoke(builderContext, TracingClientFilter.PARENT_PROPERTY, current.get());
    }
    return null;
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

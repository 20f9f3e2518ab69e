package org.codomyrmex.tracing.cdi;

import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.internal.RateLimitedLogger;

/**
 * Resolves and caches the {@link TracedMethod} of each intercepted method, so that the hot path is
 * one map lookup and one class comparison.
 */
final class TracedMethods {
  static final String CODE_NAMESPACE = "code.namespace";
  static final String CODE_FUNCTION = "code.function";

  private static final RateLimitedLogger LOG = new RateLimitedLogger(TracedMethods.class.getName());
  // First bean class seen per method: the common case, one lookup.
  private static final Map<Method, TracedMethod> BY_METHOD = new ConcurrentHashMap<>();
  // An inherited method shared by several bean classes: each class gets its own span name.
  private static final Map<Key, TracedMethod> BY_TARGET = new ConcurrentHashMap<>();

  private TracedMethods() {}

  private record Key(Method method, Class<?> targetClass) {}

  static TracedMethod resolve(InvocationContext invocation) {
    Method method = invocation.getMethod();
    Class<?> targetClass = invocation.getTarget().getClass();
    TracedMethod cached = BY_METHOD.get(method);
    if (cached != null && cached.appliesTo(targetClass)) {
      return cached;
    }
    TracedMethod resolved =
        BY_TARGET.computeIfAbsent(
            new Key(method, targetClass), key -> create(invocation, method, targetClass));
    BY_METHOD.putIfAbsent(method, resolved);
    return resolved;
  }

  /** Forgets every resolved method, and with it the tracers they hold (container shutdown). */
  static void clear() {
    BY_METHOD.clear();
    BY_TARGET.clear();
  }

  private static TracedMethod create(
      InvocationContext invocation, Method method, Class<?> targetClass) {
    try {
      Class<?> beanClass = BeanClasses.unproxied(targetClass);
      Traced traced =
          InterceptorBindings.traced(invocation, beanClass).orElse(DefaultTraced.INSTANCE);
      return create(traced, method, targetClass, beanClass);
    } catch (RuntimeException e) {
      LOG.warn("cannot trace " + method + "; calling it untraced", e);
      return TracedMethod.off(targetClass);
    }
  }

  private static TracedMethod create(
      Traced traced, Method method, Class<?> targetClass, Class<?> beanClass) {
    if (!traced.enabled()) {
      return TracedMethod.off(targetClass);
    }
    Tracer tracer =
        traced.tracer().isEmpty() ? Tracers.defaultTracer() : Tracers.get(traced.tracer());
    if (!tracer.isEnabled()) {
      return TracedMethod.off(targetClass); // tracing.enabled=false: proceed and nothing else
    }
    String name =
        traced.value().isEmpty()
            ? beanClass.getSimpleName() + "." + method.getName()
            : traced.value();
    return new TracedMethod(
        targetClass, tracer, name, traced.kind(), beanClass.getName(), method.getName());
  }

  /** The member defaults of {@code @Traced}, for a container that reports no binding instance. */
  @Traced
  private static final class DefaultTraced {
    static final Traced INSTANCE = DefaultTraced.class.getAnnotation(Traced.class);
  }
}

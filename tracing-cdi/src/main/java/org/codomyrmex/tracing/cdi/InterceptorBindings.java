package org.codomyrmex.tracing.cdi;

import jakarta.enterprise.inject.Stereotype;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Finds the {@link Traced} binding of an invocation as the container resolved it (method over
 * class, stereotypes, inheritance); only used when a method is first seen.
 */
final class InterceptorBindings {
  // Interceptors 2.1 has no getInterceptorBindings(); Weld and ArC publish them in the context
  // data.
  private static final List<String> CONTEXT_KEYS =
      List.of("org.jboss.weld.interceptor.bindings", "io.quarkus.arc.interceptorBindings");
  private static final Method GET_BINDINGS = interceptors22Method();

  private InterceptorBindings() {}

  static Optional<Traced> traced(InvocationContext invocation, Class<?> beanClass) {
    Optional<Traced> fromContainer = find(containerBindings(invocation));
    if (fromContainer.isPresent()) {
      return fromContainer;
    }
    Optional<Traced> onMethod = declared(invocation.getMethod());
    return onMethod.isPresent() ? onMethod : onClass(beanClass);
  }

  private static Collection<?> containerBindings(InvocationContext invocation) {
    if (GET_BINDINGS != null) {
      try {
        return (Collection<?>) GET_BINDINGS.invoke(invocation);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // fall through to the context data
      }
    }
    for (String key : CONTEXT_KEYS) {
      if (invocation.getContextData().get(key) instanceof Collection<?> bindings) {
        return bindings;
      }
    }
    return List.of();
  }

  private static Optional<Traced> find(Collection<?> bindings) {
    for (Object binding : bindings) {
      if (binding instanceof Traced traced) {
        return Optional.of(traced);
      }
    }
    return Optional.empty();
  }

  // Reflection fallback for other containers: direct annotation, then one level of stereotypes.
  private static Optional<Traced> declared(AnnotatedElement element) {
    Traced direct = element.getAnnotation(Traced.class);
    if (direct != null) {
      return Optional.of(direct);
    }
    for (Annotation annotation : element.getAnnotations()) {
      Class<? extends Annotation> type = annotation.annotationType();
      if (type.isAnnotationPresent(Stereotype.class) && type.isAnnotationPresent(Traced.class)) {
        return Optional.of(type.getAnnotation(Traced.class));
      }
    }
    return Optional.empty();
  }

  private static Optional<Traced> onClass(Class<?> beanClass) {
    for (Class<?> type = beanClass; type != null; type = type.getSuperclass()) {
      Optional<Traced> traced = declared(type);
      if (traced.isPresent()) {
        return traced;
      }
    }
    return Optional.empty();
  }

  // Present when the runtime ships Jakarta Interceptors 2.2 or later.
  private static Method interceptors22Method() {
    try {
      return InvocationContext.class.getMethod("getInterceptorBindings");
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}

package org.codomyrmex.tracing.jaxrs;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.function.Function;

/**
 * JAX-RS annotation inheritance: a method's own annotations, else those of the method it overrides
 * or implements; a class is a resource through its own {@code @Path} or a supertype's.
 */
final class ResourceMethods {
  private ResourceMethods() {}

  /**
   * Returns what {@code read} finds on {@code method}, else on the same method in the superclasses
   * and interfaces of {@code type}; null when it finds nothing.
   */
  static <T> T inherited(Class<?> type, Method method, Function<Method, T> read) {
    T direct = read.apply(method);
    if (direct != null) {
      return direct;
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      T found = declared(c, method, read);
      for (Class<?> i : c.getInterfaces()) {
        found = found == null ? declared(i, method, read) : found;
      }
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** True when {@code method} of {@code type}, or what it inherits from, is a resource method. */
  static boolean isResourceMethod(Class<?> type, Method method) {
    return inherited(type, method, m -> serves(m.getAnnotations()) ? m : null) != null;
  }

  /** True for {@code @Path} or an HTTP method designator ({@code @GET}, ...) among these. */
  static boolean serves(Iterable<Annotation> annotations) {
    for (Annotation annotation : annotations) {
      if (annotation instanceof Path
          || annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
        return true;
      }
    }
    return false;
  }

  /** True when a superclass or an interface of {@code type} carries {@code @Path}. */
  static boolean hasPathAbove(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      if (c != type && c.isAnnotationPresent(Path.class) || interfaceHasPath(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean interfaceHasPath(Class<?> type) {
    for (Class<?> i : type.getInterfaces()) {
      if (i.isAnnotationPresent(Path.class) || interfaceHasPath(i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean serves(Annotation[] annotations) {
    return serves(Arrays.asList(annotations));
  }

  private static <T> T declared(Class<?> type, Method method, Function<Method, T> read) {
    try {
      return read.apply(type.getDeclaredMethod(method.getName(), method.getParameterTypes()));
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}

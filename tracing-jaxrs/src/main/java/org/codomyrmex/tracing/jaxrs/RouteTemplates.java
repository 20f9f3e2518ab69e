package org.codomyrmex.tracing.jaxrs;

import jakarta.ws.rs.Path;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/** Builds {@code http.route} values: the path template of a resource method, cached per method. */
final class RouteTemplates {
  private final ConcurrentMap<Method, Route> cache = new ConcurrentHashMap<>();

  /**
   * A route under one base path, with the span name for the request method it was first built for:
   * a cache hit builds no string.
   */
  record Route(String basePath, String template, String verb, String spanName) {
    Route(String basePath, String template, String verb) {
      this(basePath, template, verb, verb + ' ' + template);
    }

    /** Returns the span name {@code {METHOD} {route}} for {@code method}. */
    String spanName(String method) {
      return method.equals(verb) ? spanName : method + ' ' + template;
    }

    /** True when {@code path} is {@code below} under this route's base path (no substring). */
    boolean serves(String path, String below) {
      return path.length() == basePath.length() + below.length()
          && path.startsWith(basePath)
          && path.endsWith(below);
    }
  }

  /**
   * Returns the route cached for {@code method} (under whichever base path it was built), or null.
   */
  Route cached(Method method) {
    return cache.get(method);
  }

  /**
   * Returns the route of {@code method} under {@code basePath}: the cached one when it was built
   * under that base path, else a new one built for {@code verb} and cached. The resource class is
   * read only to build.
   */
  Route route(String basePath, Supplier<Class<?>> type, Method method, String verb) {
    Route cached = cached(method);
    if (cached != null && cached.basePath().equals(basePath)) {
      return cached;
    }
    Class<?> resource = type.get();
    String template =
        normalize(basePath + '/' + template(resource) + '/' + template(resource, method));
    Route route = new Route(basePath, template, verb);
    cache.put(method, route);
    return route;
  }

  /** Joins slashes and replaces {@code {name: regex}} parameters by {@code {name}}. */
  static String normalize(String raw) {
    StringBuilder out = new StringBuilder(raw.length() + 1);
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '{') {
        i = appendParameter(raw, i, out);
        continue;
      }
      if (c != '/' || out.length() == 0 || out.charAt(out.length() - 1) != '/') {
        out.append(c);
      }
      i++;
    }
    return finish(out);
  }

  private static String finish(StringBuilder out) {
    if (out.length() == 0 || out.charAt(0) != '/') {
      out.insert(0, '/');
    }
    if (out.length() > 1 && out.charAt(out.length() - 1) == '/') {
      out.setLength(out.length() - 1);
    }
    return out.toString();
  }

  // Copies "{name" and skips an optional ": regex" up to the matching brace.
  private static int appendParameter(String raw, int start, StringBuilder out) {
    int depth = 0;
    boolean inName = true;
    for (int i = start; i < raw.length(); i++) {
      char c = raw.charAt(i);
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      if (depth == 0) {
        out.append('}');
        return i + 1;
      }
      inName &= c != ':';
      if (inName && !Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return raw.length(); // unbalanced: keep what was read
  }

  private static String template(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      String found = pathOf(c);
      if (found == null) {
        found = fromInterfaces(c);
      }
      if (found != null) {
        return found;
      }
    }
    return "";
  }

  private static String fromInterfaces(Class<?> type) {
    for (Class<?> i : type.getInterfaces()) {
      String found = pathOf(i);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  // JAX-RS annotation inheritance: the method itself, else the same method up the hierarchy.
  private static String template(Class<?> type, Method method) {
    String found = ResourceMethods.inherited(type, method, RouteTemplates::pathOf);
    return found == null ? "" : found;
  }

  private static String pathOf(AnnotatedElement element) {
    Path path = element.getAnnotation(Path.class);
    return path == null ? null : path.value();
  }
}

package org.codomyrmex.tracing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns arbitrary attribute values into JSON-ready ones: strings, numbers, booleans, lists. */
final class AttributeValues {
  private AttributeValues() {}

  static Object normalize(Object value) {
    if (value == null || value instanceof String || value instanceof Number) {
      return value;
    }
    if (value instanceof Boolean) {
      return value;
    }
    if (value instanceof Collection) {
      return listOf(((Collection<?>) value).toArray());
    }
    if (value.getClass().isArray()) {
      return listOf(toObjects(value));
    }
    return String.valueOf(value);
  }

  static Map<String, Object> copy(Map<String, ?> attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    attributes.forEach(
        (k, v) -> {
          Object value = normalize(v);
          if (k != null && value != null) {
            copy.put(k, value);
          }
        });
    return Collections.unmodifiableMap(copy);
  }

  static Map<String, Object> exception(Throwable error) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("exception.type", error.getClass().getName());
    attributes.put("exception.message", String.valueOf(error.getMessage()));
    attributes.put("exception.stacktrace", stackTrace(error));
    return attributes;
  }

  private static String stackTrace(Throwable error) {
    StringWriter out = new StringWriter();
    try (PrintWriter writer = new PrintWriter(out)) {
      error.printStackTrace(writer);
    } catch (RuntimeException e) {
      return error.toString(); // a hostile printStackTrace must not break the application
    }
    return out.toString();
  }

  private static List<Object> listOf(Object[] items) {
    List<Object> list = new ArrayList<>(items.length);
    for (Object item : items) {
      Object value = item == null ? null : scalar(item);
      list.add(value);
    }
    return Collections.unmodifiableList(list);
  }

  private static Object scalar(Object item) {
    boolean plain = item instanceof String || item instanceof Number || item instanceof Boolean;
    return plain ? item : String.valueOf(item);
  }

  private static Object[] toObjects(Object array) {
    Object[] items = new Object[Array.getLength(array)];
    for (int i = 0; i < items.length; i++) {
      items[i] = Array.get(array, i);
    }
    return items;
  }
}

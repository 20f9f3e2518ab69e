package org.codomyrmex.tracing.cdi;

/** Finds the application's bean class behind a container-generated subclass or proxy. */
final class BeanClasses {
  private BeanClasses() {}

  static Class<?> unproxied(Class<?> type) {
    Class<?> current = type;
    while (isGenerated(current)
        && current.getSuperclass() != null
        && current.getSuperclass() != Object.class) {
      current = current.getSuperclass();
    }
    return current;
  }

  // Weld: Foo$Proxy$_$$_WeldSubclass; ArC: Foo_Subclass; OpenWebBeans: Foo$$OwbInterceptProxy0.
  static boolean isGenerated(Class<?> type) {
    String name = type.getName();
    return type.isSynthetic()
        || name.contains("$$")
        || name.contains("$Proxy$")
        || name.endsWith("_Subclass")
        || name.endsWith("_ClientProxy");
  }
}

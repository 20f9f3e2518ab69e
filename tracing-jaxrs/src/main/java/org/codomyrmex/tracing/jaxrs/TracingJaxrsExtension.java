package org.codomyrmex.tracing.jaxrs;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.codomyrmex.tracing.internal.TracingConfig;

/**
 * Not API: a portable extension that binds {@link ResourceMethodInterceptor} to the resource
 * methods of CDI-managed resource classes. Resources that are not CDI beans are still traced by the
 * filters alone (without the exception event and the early restore of async request threads). With
 * {@code tracing.enabled=false} nothing is bound: resource methods run without interception.
 */
public class TracingJaxrsExtension implements Extension {
  private boolean enabled = true;

  void register(@Observes BeforeBeanDiscovery event, BeanManager manager) {
    enabled = tracingEnabled();
    if (!enabled) {
      return;
    }
    event.addAnnotatedType(
        manager.createAnnotatedType(ResourceMethodInterceptor.class),
        ResourceMethodInterceptor.class.getName());
  }

  // Every type, not @WithAnnotations: that cannot see a generated API's interface annotations.
  <T> void bind(@Observes ProcessAnnotatedType<T> event) {
    AnnotatedType<T> annotated = event.getAnnotatedType();
    Class<T> type = annotated.getJavaClass();
    if (!enabled || type.isInterface() || Modifier.isFinal(type.getModifiers())) {
      return; // final classes cannot be intercepted; the filters still trace them
    }
    if (mayServe(annotated)) {
      event
          .configureAnnotatedType()
          .filterMethods(method -> isResourceMethod(type, method))
          .forEach(method -> method.add(TracedResource.Literal.INSTANCE));
    }
  }

  private static boolean mayServe(AnnotatedType<?> annotated) {
    return annotated.isAnnotationPresent(Path.class)
        || annotated.getMethods().stream().anyMatch(m -> ResourceMethods.serves(m.getAnnotations()))
        || ResourceMethods.hasPathAbove(annotated.getJavaClass());
  }

  // A bad value is reported by the core extension, naming the key; here it leaves tracing on.
  private static boolean tracingEnabled() {
    try {
      return TracingConfig.load().enabled();
    } catch (RuntimeException e) {
      return true;
    }
  }

  private static boolean isResourceMethod(Class<?> type, AnnotatedMethod<?> method) {
    Method java = method.getJavaMember();
    int modifiers = java.getModifiers();
    if (Modifier.isFinal(modifiers)
        || Modifier.isStatic(modifiers)
        || Modifier.isPrivate(modifiers)) {
      return false;
    }
    return ResourceMethods.serves(method.getAnnotations())
        || ResourceMethods.isResourceMethod(type, java);
  }
}

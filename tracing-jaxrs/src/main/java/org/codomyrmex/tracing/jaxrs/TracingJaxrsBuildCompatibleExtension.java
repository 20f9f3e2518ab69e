package org.codomyrmex.tracing.jaxrs;

import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.ClassConfig;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.Enhancement;
import jakarta.enterprise.inject.build.compatible.spi.MethodConfig;
import jakarta.enterprise.inject.build.compatible.spi.ScannedClasses;
import jakarta.enterprise.inject.build.compatible.spi.SkipIfPortableExtensionPresent;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.declarations.MethodInfo;
import jakarta.enterprise.lang.model.declarations.ParameterInfo;
import jakarta.enterprise.lang.model.types.Type;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;

/**
 * Not API: the CDI Lite twin of {@link TracingJaxrsExtension}, for containers such as Quarkus ArC
 * that ignore portable extensions; skipped where the portable extension runs.
 */
@SkipIfPortableExtensionPresent(TracingJaxrsExtension.class)
public class TracingJaxrsBuildCompatibleExtension implements BuildCompatibleExtension {

  /** Adds the resource-method interceptor to the deployment. */
  @Discovery
  public void discover(ScannedClasses scanned) {
    scanned.add(ResourceMethodInterceptor.class.getName());
  }

  /**
   * Binds the interceptor to every resource method of every resource class, including methods whose
   * annotations are on an implemented interface (generated APIs), which {@code withAnnotations}
   * would not see.
   */
  @Enhancement(types = Object.class, withSubtypes = true)
  public void bind(ClassConfig type) {
    if (type.info().isInterface() || type.info().isFinal()) {
      return; // final classes cannot be intercepted; the filters still trace them
    }
    // The lang model lists the methods of the superclasses and interfaces too.
    Set<String> declaredByInterfaces = new HashSet<>();
    for (MethodConfig method : type.methods()) {
      if (method.info().declaringClass().isInterface() && serves(method.info())) {
        declaredByInterfaces.add(signature(method.info()));
      }
    }
    for (MethodConfig method : type.methods()) {
      MethodInfo info = method.info();
      if (interceptable(info) && (serves(info) || declaredByInterfaces.contains(signature(info)))) {
        method.addAnnotation(TracedResource.class);
      }
    }
  }

  private static boolean interceptable(MethodInfo method) {
    return !(method.isStatic()
        || method.isFinal()
        || method.isConstructor()
        || method.isAbstract()
        || Modifier.isPrivate(method.modifiers())
        || method.declaringClass().isInterface());
  }

  private static boolean serves(MethodInfo method) {
    return method.hasAnnotation(Path.class)
        || method.annotations().stream()
            .anyMatch(TracingJaxrsBuildCompatibleExtension::isHttpMethod);
  }

  private static boolean isHttpMethod(AnnotationInfo annotation) {
    try {
      return annotation.declaration().hasAnnotation(HttpMethod.class);
    } catch (IllegalStateException e) {
      // ArC: an annotation whose type is not in the index, e.g. jakarta.enterprise.concurrent's
      // @Asynchronous on Quarkus, which has no Jakarta Concurrency. It is no HTTP method.
      return false;
    }
  }

  // Name and erased parameter types: how an implementation matches its interface's declaration.
  private static String signature(MethodInfo method) {
    StringBuilder out = new StringBuilder(method.name()).append('(');
    for (ParameterInfo parameter : method.parameters()) {
      out.append(typeName(parameter.type())).append(',');
    }
    return out.append(')').toString();
  }

  private static String typeName(Type type) {
    if (type.isClass()) {
      return type.asClass().declaration().name();
    }
    if (type.isParameterizedType()) {
      return type.asParameterizedType().declaration().name();
    }
    if (type.isArray()) {
      return typeName(type.asArray().componentType()) + "[]";
    }
    return type.toString(); // primitives; type variables as written
  }
}

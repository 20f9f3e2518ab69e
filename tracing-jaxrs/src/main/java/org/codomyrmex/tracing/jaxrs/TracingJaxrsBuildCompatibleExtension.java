package org.codomyrmex.tracing.jaxrs;

import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.ClassConfig;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.Enhancement;
import jakarta.enterprise.inject.build.compatible.spi.MethodConfig;
import jakarta.enterprise.inject.build.compatible.spi.ScannedClasses;
import jakarta.enterprise.inject.build.compatible.spi.SkipIfPortableExtensionPresent;
import jakarta.enterprise.lang.model.declarations.MethodInfo;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Modifier;

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

  /** Binds the interceptor to every resource method of every resource class. */
  @Enhancement(
      types = Object.class,
      withSubtypes = true,
      withAnnotations = {Path.class, HttpMethod.class})
  public void bind(ClassConfig type) {
    if (type.info().isInterface() || type.info().isFinal()) {
      return; // final classes cannot be intercepted; the filters still trace them
    }
    for (MethodConfig method : type.methods()) {
      if (isResourceMethod(method.info())) {
        method.addAnnotation(TracedResource.class);
      }
    }
  }

  private static boolean isResourceMethod(MethodInfo method) {
    if (method.isStatic()
        || method.isFinal()
        || method.isConstructor()
        || Modifier.isPrivate(method.modifiers())) {
      return false;
    }
    return method.hasAnnotation(Path.class)
        || method.annotations().stream()
            .anyMatch(annotation -> annotation.declaration().hasAnnotation(HttpMethod.class));
  }
}

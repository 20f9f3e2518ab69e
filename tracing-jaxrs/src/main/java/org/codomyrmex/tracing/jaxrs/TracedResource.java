package org.codomyrmex.tracing.jaxrs;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Not API: binds {@link ResourceMethodInterceptor} to resource methods; added by {@link
 * TracingJaxrsExtension}, never written by applications.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TracedResource {
  /** The literal the extension adds. */
  final class Literal extends jakarta.enterprise.util.AnnotationLiteral<TracedResource>
      implements TracedResource {
    static final Literal INSTANCE = new Literal();
    private static final long serialVersionUID = 1L;
  }
}

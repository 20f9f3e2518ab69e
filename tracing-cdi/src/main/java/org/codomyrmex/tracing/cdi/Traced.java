package org.codomyrmex.tracing.cdi;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.codomyrmex.tracing.SpanKind;

/**
 * Records one span per invocation of the annotated method, or of every business method of the
 * annotated class; also works through stereotypes.
 *
 * <p>A method-level {@code @Traced} overrides the class-level one, so {@code @Traced(enabled =
 * false)} on a method switches a traced class off for that method. The span is a child of the
 * current span, carries {@code code.namespace} and {@code code.function}, records exceptions (which
 * are rethrown unchanged) and, for a {@code CompletionStage} result, ends when the stage completes.
 *
 * <pre>{@code
 * @ApplicationScoped
 * @Traced
 * public class OrderService {
 *   public Order place(Cart cart) { ... }          // span "OrderService.place"
 *   @Traced(value = "charge", kind = SpanKind.CLIENT, tracer = "payments")
 *   public void charge(Order order) { ... }
 *   @Traced(enabled = false)
 *   public String health() { ... }                  // no span
 * }
 * }</pre>
 */
@Inherited
@InterceptorBinding
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface Traced {
  /** Span name; empty means {@code SimpleClassName.methodName} of the bean class. */
  @Nonbinding
  String value() default "";

  /** Span kind. */
  @Nonbinding
  SpanKind kind() default SpanKind.INTERNAL;

  /** Name of the tracer ({@code Tracers.get(name)}); empty means the default tracer. */
  @Nonbinding
  String tracer() default "";

  /** {@code false} switches tracing off for the annotated method or class. */
  @Nonbinding
  boolean enabled() default true;
}

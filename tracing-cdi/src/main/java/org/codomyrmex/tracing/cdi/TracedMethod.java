package org.codomyrmex.tracing.cdi;

import jakarta.interceptor.InvocationContext;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.codomyrmex.tracing.Scope;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.Tracer;

/** The resolved tracing settings of one business method of one bean class. */
final class TracedMethod {
  private final Class<?> targetClass;
  private final Tracer tracer; // null: tracing is off for this method
  private final String spanName;
  private final SpanKind kind;
  private final String namespace; // code.namespace: the bean class
  private final String function; // code.function: the method

  TracedMethod(
      Class<?> targetClass,
      Tracer tracer,
      String spanName,
      SpanKind kind,
      String namespace,
      String function) {
    this.targetClass = targetClass;
    this.tracer = tracer;
    this.spanName = spanName;
    this.kind = kind;
    this.namespace = namespace;
    this.function = function;
  }

  static TracedMethod off(Class<?> targetClass) {
    return new TracedMethod(targetClass, null, null, null, null, null);
  }

  boolean appliesTo(Class<?> target) {
    return targetClass == target;
  }

  Object invoke(InvocationContext invocation) throws Exception {
    if (tracer == null) {
      return invocation.proceed();
    }
    Span span = tracer.startSpan(spanName, kind);
    span.setAttribute(TracedMethods.CODE_NAMESPACE, namespace);
    span.setAttribute(TracedMethods.CODE_FUNCTION, function);
    Scope scope = span.makeCurrent();
    Object result;
    try {
      result = invocation.proceed();
    } catch (Throwable error) {
      span.recordException(error);
      span.finish();
      throw error;
    } finally {
      scope.close();
    }
    return finish(span, result);
  }

  // A CompletionStage ends the span when it completes; the scope above was closed already, so the
  // span is never current on the thread that completes the stage.
  private static Object finish(Span span, Object result) {
    if (result instanceof CompletionStage<?> stage) {
      stage.whenComplete((value, error) -> finishAsync(span, error));
    } else {
      span.finish();
    }
    return result;
  }

  private static void finishAsync(Span span, Throwable error) {
    if (error != null) {
      span.recordException(unwrap(error));
    }
    span.finish();
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}

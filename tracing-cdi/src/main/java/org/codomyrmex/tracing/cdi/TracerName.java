package org.codomyrmex.tracing.cdi;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Selects the tracer of the given name, the registry's {@code Tracers.get(name)}.
 *
 * <pre>{@code
 * @Inject @TracerName("payments") Tracer payments;
 * }</pre>
 *
 * <p>A bean exists for every name used at an injection point of the deployment.
 */
@Qualifier
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD, TYPE})
public @interface TracerName {
  /** The tracer's name, which is also its service name. */
  String value();

  /** An instance of {@code @TracerName}, e.g. for {@code Instance.select(...)}. */
  final class Literal extends AnnotationLiteral<TracerName> implements TracerName {
    private static final long serialVersionUID = 1L;
    private final String value;

    private Literal(String value) {
      this.value = value;
    }

    /** Returns {@code @TracerName(value)}. */
    public static Literal of(String value) {
      return new Literal(value);
    }

    @Override
    public String value() {
      return value;
    }
  }
}

package org.codomyrmex.tracing.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;

/**
 * The portable extension (CDI Full: Weld, WildFly, Payara): registers {@link Traced}, the tracer
 * beans and the shutdown flush. Found through {@code META-INF/services}; adding the jar is enough.
 *
 * <pre>{@code
 * @Inject Tracer tracer;                              // Tracers.defaultTracer()
 * @Inject @TracerName("payments") Tracer payments;    // Tracers.get("payments")
 * }</pre>
 */
public final class TracingExtension implements Extension {
  /** The library's beans; the jar is no bean archive, so an extension adds them. */
  static final List<Class<?>> BEAN_CLASSES =
      List.of(TracedInterceptor.class, TracerProducer.class, TracingLifecycle.class);

  private final Set<String> tracerNames = ConcurrentHashMap.newKeySet();

  /** Creates the extension; called by the container. */
  public TracingExtension() {}

  void addBeanClasses(@Observes BeforeBeanDiscovery discovery) {
    for (Class<?> type : BEAN_CLASSES) {
      discovery.addAnnotatedType(
          type, TracingExtension.class.getName() + "." + type.getSimpleName());
    }
  }

  void collectTracerName(@Observes ProcessInjectionPoint<?, ?> event) {
    tracerName(event.getInjectionPoint().getQualifiers()).ifPresent(tracerNames::add);
  }

  void addNamedTracers(@Observes AfterBeanDiscovery event, BeanManager beans) {
    for (String name : tracerNames) {
      event
          .<Tracer>addBean()
          .beanClass(TracingExtension.class)
          .types(Tracer.class, Object.class)
          .qualifiers(TracerName.Literal.of(name), Any.Literal.INSTANCE)
          .scope(ApplicationScoped.class)
          .createWith(context -> namedTracer(beans, name));
    }
  }

  void checkConfiguration(@Observes AfterDeploymentValidation event) {
    ConfigCheck.problem().ifPresent(event::addDeploymentProblem);
  }

  private static Tracer namedTracer(BeanManager beans, String name) {
    TracingLifecycle.startFrom(beans.createInstance());
    return Tracers.get(name);
  }

  static Optional<String> tracerName(Set<Annotation> qualifiers) {
    for (Annotation qualifier : qualifiers) {
      if (qualifier instanceof TracerName named) {
        return Optional.of(named.value());
      }
    }
    return Optional.empty();
  }
}

package org.codomyrmex.tracing.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.InjectionPointInfo;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.ScannedClasses;
import jakarta.enterprise.inject.build.compatible.spi.SkipIfPortableExtensionPresent;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.build.compatible.spi.Validation;
import jakarta.enterprise.lang.model.AnnotationInfo;
import java.util.Set;
import java.util.TreeSet;
import org.codomyrmex.tracing.Tracer;

/**
 * The CDI Lite twin of {@link TracingExtension}, for containers that ignore portable extensions
 * (Quarkus ArC). Containers that run portable extensions skip it.
 *
 * <p>Not final: the test suite re-declares its steps without
 * {@code @SkipIfPortableExtensionPresent} to run them on Weld.
 */
@SkipIfPortableExtensionPresent(TracingExtension.class)
public class TracingBuildCompatibleExtension implements BuildCompatibleExtension {
  private final Set<String> tracerNames = new TreeSet<>();

  /** Creates the extension; called by the container. */
  public TracingBuildCompatibleExtension() {}

  /** Adds the interceptor, the default tracer producer and the lifecycle bean. */
  @Discovery
  public void addBeanClasses(ScannedClasses scanned) {
    for (Class<?> type : TracingExtension.BEAN_CLASSES) {
      scanned.add(type.getName());
    }
  }

  /** Remembers every {@code @TracerName} used at an injection point of {@code bean}. */
  @Registration(types = Object.class)
  public void collectTracerNames(BeanInfo bean) {
    for (InjectionPointInfo injectionPoint : bean.injectionPoints()) {
      for (AnnotationInfo qualifier : injectionPoint.qualifiers()) {
        if (qualifier.name().equals(TracerName.class.getName())) {
          tracerNames.add(qualifier.value().asString());
        }
      }
    }
  }

  /** Adds one application-scoped {@code @TracerName} tracer bean per collected name. */
  @Synthesis
  public void addNamedTracers(SyntheticComponents components) {
    for (String name : tracerNames) {
      components
          .addBean(Tracer.class)
          .type(Tracer.class)
          .qualifier(TracerName.Literal.of(name))
          .scope(ApplicationScoped.class)
          .withParam(NamedTracerCreator.NAME, name)
          .createWith(NamedTracerCreator.class);
    }
  }

  /** Reports an invalid configuration value, naming its key. */
  @Validation
  public void checkConfiguration(Messages messages) {
    ConfigCheck.problem().ifPresent(messages::error);
  }
}

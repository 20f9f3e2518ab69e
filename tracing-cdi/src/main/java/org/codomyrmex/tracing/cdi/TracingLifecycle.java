package org.codomyrmex.tracing.cdi;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;
import org.codomyrmex.tracing.Sampler;
import org.codomyrmex.tracing.SpanExporter;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.internal.Exporters;
import org.codomyrmex.tracing.internal.Samplers;
import org.codomyrmex.tracing.internal.TracingConfig;

/**
 * Connects the tracer registry to the container: routes spans to the application's {@link
 * SpanExporter} beans and flushes every tracer before the application's beans are destroyed.
 */
@ApplicationScoped
class TracingLifecycle {
  @Inject @Any Instance<SpanExporter> exporterBeans;
  @Inject @Any Instance<Sampler> samplerBeans;

  private boolean started; // guarded by this
  private List<SpanExporter> exporters; // guarded by this

  /** Starts the lifecycle of the bean {@code lookup} can see; used before creating a tracer. */
  static void startFrom(Instance<Object> lookup) {
    lookup.select(TracingLifecycle.class).get().start();
  }

  // Early, so that tracers created by application startup observers already export to the beans.
  void onStartup(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object event) {
    start();
  }

  // Late, so that spans of other shutdown observers are flushed too; the application context (and
  // with it every exporter bean) is destroyed only after this returns.
  void onShutdown(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
          @BeforeDestroyed(ApplicationScoped.class)
          Object event) {
    try {
      Tracers.shutdownAll();
    } finally {
      Exporters.clearOverride();
      Samplers.clearOverride();
      TracedMethods.clear();
    }
  }

  synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    TracedMethods.clear(); // a container that never shut down may have left stale tracers there
    // Deployment checks this already; a CDI Lite build checked build-time values, so check again.
    ConfigCheck.failFast();
    if (!exporterBeans.isUnsatisfied()) {
      Exporters.override(this::beanExporter);
    }
    if (samplerBeans.isResolvable()) {
      Sampler sampler = samplerBeans.get();
      Samplers.override(() -> sampler);
    } else if (samplerBeans.isAmbiguous()) {
      throw new DeploymentException(
          TracingConfig.SAMPLER + ": the application has more than one bean of type Sampler");
    }
  }

  private synchronized SpanExporter beanExporter() {
    if (exporters == null) {
      exporters = exporterBeans.stream().toList();
    }
    // Beans are shared by every tracer and destroyed by the container: no tracer shuts them down.
    return Exporters.unowned(Exporters.fanOut(exporters));
  }
}

package org.codomyrmex.tracing.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.cdi.TestBeans.OrderService;
import org.codomyrmex.tracing.cdi.TestBeans.RecordingExporter;
import org.codomyrmex.tracing.cdi.TestBeans.TracerHolder;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Start-up and shut-down behaviour, on both deployment kinds, configured by system properties. */
class ContainerLifecycleTest extends ConfiguredContainers {
  @ParameterizedTest
  @EnumSource(Deployments.class)
  void shutdownFlushesQueuedSpansBeforeExporterBeansAreDestroyed(Deployments deployment)
      throws InterruptedException {
    set("tracing.flush-interval-ms", "600000");
    set("tracing.batch-size", "1000");
    WeldContainer container = start(deployment);
    try {
      OrderService orders = container.select(OrderService.class).get();
      warmUp(orders, container.select(TracerHolder.class).get());

      orders.place("a");
      orders.place("b");
      orders.pay();
      assertThat(RecordingExporter.log()).isEmpty(); // still queued
    } finally {
      container.shutdown();
    }

    assertThat(RecordingExporter.spans())
        .extracting(Span::name)
        .containsExactlyInAnyOrder("OrderService.place", "OrderService.place", "OrderService.pay");
    assertThat(RecordingExporter.log()).last().isEqualTo("destroyed");
    assertThat(RecordingExporter.log())
        .filteredOn(entry -> entry.startsWith("export"))
        .isNotEmpty();
  }

  // Creates both tracers and waits until their export workers sleep out the long interval: a
  // worker that is still starting up may pick up the first spans at once.
  private static void warmUp(OrderService orders, TracerHolder holder) throws InterruptedException {
    orders.place("warm-up");
    orders.pay();
    holder.flush();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!exportWorkersAsleep() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    RecordingExporter.reset();
  }

  private static boolean exportWorkersAsleep() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("codomyrmex-tracing-export-"))
        .allMatch(thread -> thread.getState() == Thread.State.TIMED_WAITING);
  }

  @ParameterizedTest
  @EnumSource(Deployments.class)
  void configurationComesFromSystemProperties(Deployments deployment) {
    set("tracing.service-name", "inventory");
    try (WeldContainer container = start(deployment)) {
      TracerHolder holder = container.select(TracerHolder.class).get();
      container.select(OrderService.class).get().place("a");
      holder.flush();

      Tracer tracer = holder.tracer();
      assertThat(tracer.name()).isEqualTo("inventory");
      assertThat(holder.payments().name()).isEqualTo("payments");
      assertThat(RecordingExporter.spans())
          .singleElement()
          .satisfies(
              span -> assertThat(span.attributes()).containsEntry("service.name", "inventory"));
    }
  }

  @ParameterizedTest
  @EnumSource(Deployments.class)
  void disabledTracingRecordsNothingAndStillCallsTheMethod(Deployments deployment) {
    set("tracing.enabled", "false");
    try (WeldContainer container = start(deployment)) {
      OrderService orders = container.select(OrderService.class).get();
      assertThat(orders.place("a")).isEqualTo("placed a");
      IllegalStateException error = new IllegalStateException("still thrown");
      assertThatThrownBy(() -> orders.fail(error)).isSameAs(error);
      container.select(TracerHolder.class).get().flush();

      assertThat(Tracers.defaultTracer().isEnabled()).isFalse();
      assertThat(RecordingExporter.log()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Deployments.class)
  void badValueFailsDeploymentNamingTheKey(Deployments deployment) {
    set("tracing.batch-size", "lots");
    assertThatThrownBy(() -> start(deployment).close())
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("tracing.batch-size")
        .hasMessageContaining("lots");
  }

  @ParameterizedTest
  @EnumSource(Deployments.class)
  void badViewerValueFailsDeploymentNamingTheKey(Deployments deployment) {
    set("tracing.ui.max-traces", "0");
    assertThatThrownBy(() -> start(deployment).close())
        .isInstanceOf(DeploymentException.class)
        .hasMessageContaining("tracing.ui.max-traces");
  }
}

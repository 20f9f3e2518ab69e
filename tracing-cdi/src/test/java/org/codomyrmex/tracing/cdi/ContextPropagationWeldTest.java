package org.codomyrmex.tracing.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.cdi.TestBeans.MemoryExporterProducer;
import org.codomyrmex.tracing.cdi.TestBeans.TracerHolder;
import org.codomyrmex.tracing.export.InMemoryExporter;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Weld SE with SmallRye Context Propagation, as in Quarkus: the library's {@code Tracing} context
 * follows {@code @Traced} work onto a {@code ManagedExecutor}, and async CDI events fired with a
 * wrapped executor.
 */
class ContextPropagationWeldTest {
  private WeldContainer container;
  private ExecutorService pool;

  @BeforeEach
  void start() {
    Tracers.shutdownAll();
    pool = Executors.newFixedThreadPool(2);
    container =
        Deployments.PORTABLE
            .weld(
                Dispatcher.class,
                Worker.class,
                AsyncObserver.class,
                TracerHolder.class,
                MemoryExporterProducer.class)
            .initialize();
  }

  @AfterEach
  void stop() {
    container.close();
    pool.shutdownNow();
    Tracers.shutdownAll();
  }

  @Test
  void managedExecutorPropagatesTracingByDefault() throws Exception {
    ManagedExecutor executor = ManagedExecutor.builder().maxAsync(2).build();
    try {
      dispatcher().dispatch(executor);
      assertThat(parentOf("Worker.work")).isEqualTo(idOf("Dispatcher.dispatch"));
      assertPoolCarriesNothing(executor);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void managedExecutorClearingTracingRunsTasksAsRoots() throws Exception {
    ManagedExecutor executor =
        ManagedExecutor.builder()
            .maxAsync(2)
            .cleared("Tracing")
            .propagated(ThreadContext.ALL_REMAINING)
            .build();
    try {
      dispatcher().dispatch(executor);
      assertThat(parentOf("Worker.work")).isNull();
      assertPoolCarriesNothing(executor);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void threadContextMakesFunctionsContextual() throws Exception {
    ThreadContext context = ThreadContext.builder().build();
    dispatcher().dispatchContextual(context, pool);
    assertThat(parentOf("Worker.work")).isEqualTo(idOf("Dispatcher.dispatchContextual"));
  }

  @Test
  void asyncEventFiredWithAWrappedExecutorReachesTheObserverUnderTheFiringSpan() throws Exception {
    dispatcher().fire(NotificationOptions.ofExecutor(Tracers.wrap(pool)));
    assertThat(parentOf("AsyncObserver.observe")).isEqualTo(idOf("Dispatcher.fire"));
  }

  @Test
  void asyncEventFiredWithAManagedExecutorReachesTheObserverUnderTheFiringSpan() throws Exception {
    ManagedExecutor executor = ManagedExecutor.builder().maxAsync(2).build();
    try {
      dispatcher().fire(NotificationOptions.ofExecutor(executor));
      assertThat(parentOf("AsyncObserver.observe")).isEqualTo(idOf("Dispatcher.fire"));
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void asyncEventFiredWithoutAnExecutorLosesTheSpanOnWeld() throws Exception {
    dispatcher().fire(null); // Weld's own executor: nothing carries the span across
    assertThat(parentOf("AsyncObserver.observe")).isNull();
  }

  private Dispatcher dispatcher() {
    return container.select(Dispatcher.class).get();
  }

  private List<Span> spans() {
    container.select(TracerHolder.class).get().flush();
    return container.select(InMemoryExporter.class).get().getSpans();
  }

  private Span named(String name) {
    return spans().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private String parentOf(String name) {
    return named(name).parentSpanId();
  }

  private String idOf(String name) {
    return named(name).spanId();
  }

  private static void assertPoolCarriesNothing(ExecutorService executor) throws Exception {
    for (int i = 0; i < 4; i++) {
      assertThat(executor.submit(() -> Tracers.currentSpan().isPresent()).get(10, TimeUnit.SECONDS))
          .isFalse();
    }
  }

  @ApplicationScoped
  @Traced
  static class Dispatcher {
    @Inject Worker worker;
    @Inject Event<String> event;

    void dispatch(ExecutorService executor) throws Exception {
      executor.submit(() -> worker.work()).get(10, TimeUnit.SECONDS);
    }

    void dispatchContextual(ThreadContext context, ExecutorService executor) throws Exception {
      executor.submit(context.contextualCallable(() -> worker.work())).get(10, TimeUnit.SECONDS);
    }

    void fire(NotificationOptions options) throws Exception {
      (options == null ? event.fireAsync("order") : event.fireAsync("order", options))
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    }
  }

  @ApplicationScoped
  @Traced
  static class Worker {
    String work() {
      return "worked";
    }
  }

  @ApplicationScoped
  @Traced
  static class AsyncObserver {
    void observe(@ObservesAsync String order) {}
  }
}

package org.codomyrmex.tracing.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.SpanStatus;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.cdi.TestBeans.ChildService;
import org.codomyrmex.tracing.cdi.TestBeans.OrderService;
import org.codomyrmex.tracing.cdi.TestBeans.OtherChildService;
import org.codomyrmex.tracing.cdi.TestBeans.PlainService;
import org.codomyrmex.tracing.cdi.TestBeans.RecordingExporter;
import org.codomyrmex.tracing.cdi.TestBeans.StereotypedService;
import org.codomyrmex.tracing.cdi.TestBeans.SwitchedService;
import org.codomyrmex.tracing.cdi.TestBeans.TracerHolder;
import org.codomyrmex.tracing.export.InMemoryExporter;
import org.codomyrmex.tracing.internal.Exporters;
import org.jboss.weld.proxy.WeldClientProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MicroProfile Telemetry TCK matrix in this library's terms, run once per deployment kind by
 * the subclasses. Each test gets a fresh Weld container.
 */
abstract class TracedScenarios {
  @Inject TracerHolder tracers;
  @Inject InMemoryExporter memory;
  @Inject OrderService orders;
  @Inject PlainService plain;
  @Inject SwitchedService switched;
  @Inject StereotypedService stereotyped;
  @Inject ChildService child;
  @Inject OtherChildService otherChild;

  @BeforeAll
  static void configure() {
    // Runs before the first container: configured spans would go to the shared memory buffer,
    // where the tests prove that none arrive while exporter beans exist.
    Tracers.shutdownAll();
    System.setProperty("tracing.exporter", "memory");
  }

  @AfterAll
  static void unconfigure() {
    System.clearProperty("tracing.exporter");
  }

  @BeforeEach
  void clearRecords() {
    RecordingExporter.reset();
    Exporters.sharedMemory().clear();
  }

  private List<Span> finished() {
    tracers.flush();
    return memory.getSpans();
  }

  private Span only() {
    List<Span> spans = finished();
    assertThat(spans).hasSize(1);
    return spans.get(0);
  }

  private static Object unwrap(Object proxy) {
    assertThat(proxy).isInstanceOf(WeldClientProxy.class); // application scoped
    return ((WeldClientProxy) proxy).getMetadata().getContextualInstance();
  }

  @Test
  void defaultTracerIsTheRegistryInstance() {
    assertThat(unwrap(tracers.tracer())).isSameAs(Tracers.defaultTracer());
    assertThat(tracers.tracer().name()).isEqualTo("default");
  }

  @Test
  void namedTracerIsTheRegistryInstance() {
    assertThat(unwrap(tracers.payments())).isSameAs(Tracers.get("payments"));
    assertThat(tracers.payments().name()).isEqualTo("payments");
  }

  @Test
  void classLevelTracedRecordsOneSpanNamedAfterTheBeanClass() {
    assertThat(orders.place("book")).isEqualTo("placed book");

    Span span = only();
    assertThat(span.name()).isEqualTo("OrderService.place");
    assertThat(span.kind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(span.isFinished()).isTrue();
    assertThat(span.attributes())
        .containsEntry("code.namespace", OrderService.class.getName())
        .containsEntry("code.function", "place")
        .containsEntry("service.name", "default");
  }

  @Test
  void methodOptOutRecordsNothing() {
    assertThat(orders.health()).isEqualTo("ok");
    assertThat(finished()).isEmpty();
  }

  @Test
  void methodLevelNameOverridesTheDefault() {
    orders.renamed();
    assertThat(only().name()).isEqualTo("custom-name");
  }

  @Test
  void methodOnWinsOverClassOff() {
    switched.off();
    switched.on();
    assertThat(only().name()).isEqualTo("SwitchedService.on");
  }

  @Test
  void kindAndTracerOverride() {
    orders.pay();
    Span span = only();
    assertThat(span.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.tracer()).isSameAs(Tracers.get("payments"));
    assertThat(span.attributes()).containsEntry("service.name", "payments");
  }

  @Test
  void spanIsChildOfTheCurrentSpanAndRestoresIt() {
    Span parent;
    try (Span outer = tracers.tracer().span("outer")) {
      parent = outer;
      orders.place("book");
      assertThat(Tracers.currentSpan()).containsSame(outer);
    }
    Span span =
        finished().stream()
            .filter(s -> s.name().equals("OrderService.place"))
            .findFirst()
            .orElseThrow();
    assertThat(span.traceId()).isEqualTo(parent.traceId());
    assertThat(span.parentSpanId()).isEqualTo(parent.spanId());
  }

  @Test
  void nestedTracedCallsFormOneTrace() {
    orders.checkout();
    List<Span> spans = finished();
    Span inner =
        spans.stream().filter(s -> s.name().equals("SwitchedService.on")).findFirst().orElseThrow();
    Span outer =
        spans.stream()
            .filter(s -> s.name().equals("OrderService.checkout"))
            .findFirst()
            .orElseThrow();
    assertThat(spans).hasSize(2);
    assertThat(outer.parentSpanId()).isNull();
    assertThat(inner.parentSpanId()).isEqualTo(outer.spanId());
    assertThat(inner.traceId()).isEqualTo(outer.traceId());
  }

  @Test
  void runtimeExceptionIsRecordedAndRethrownUnchanged() {
    IllegalStateException error = new IllegalStateException("out of stock");
    assertThatThrownBy(() -> orders.fail(error)).isSameAs(error);

    Span span = only();
    assertThat(span.status()).isEqualTo(SpanStatus.ERROR);
    assertThat(span.statusMessage()).isEqualTo("out of stock");
    assertThat(span.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.name()).isEqualTo("exception");
              assertThat(event.attributes())
                  .containsEntry("exception.type", IllegalStateException.class.getName());
            });
    assertThat(Tracers.currentSpan()).isEmpty();
  }

  @Test
  void checkedExceptionIsRethrownUnchanged() {
    IOException error = new IOException("disk full");
    assertThatThrownBy(() -> orders.failChecked(error)).isSameAs(error);
    assertThat(only().status()).isEqualTo(SpanStatus.ERROR);
  }

  @Test
  void completionStageEndsTheSpanWhenItCompletes() throws Exception {
    CompletableFuture<String> pending = new CompletableFuture<>();
    CompletionStage<String> result = orders.async(pending);
    assertThat(result).isSameAs(pending);
    assertThat(Tracers.currentSpan()).isEmpty();
    assertThat(finished()).isEmpty(); // not ended before completion

    AtomicReference<Optional<Span>> currentInCallback = new AtomicReference<>();
    CompletableFuture<Void> seen =
        pending.thenRun(() -> currentInCallback.set(Tracers.currentSpan()));
    Thread completer = new Thread(() -> pending.complete("done"));
    completer.start();
    completer.join(TimeUnit.SECONDS.toMillis(10));
    seen.get(10, TimeUnit.SECONDS);

    Span span = only();
    assertThat(span.name()).isEqualTo("OrderService.async");
    assertThat(span.status()).isNotEqualTo(SpanStatus.ERROR);
    assertThat(currentInCallback.get()).isEmpty();
  }

  @Test
  void failedCompletionStageRecordsTheFailure() {
    CompletableFuture<String> pending = new CompletableFuture<>();
    orders.async(pending);
    assertThat(finished()).isEmpty();

    pending.completeExceptionally(new IllegalArgumentException("bad card"));

    Span span = only();
    assertThat(span.status()).isEqualTo(SpanStatus.ERROR);
    assertThat(span.events())
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.attributes())
                    .containsEntry("exception.type", IllegalArgumentException.class.getName()));
  }

  @Test
  void stereotypeCarriesTheBinding() {
    stereotyped.send();
    Span span = only();
    assertThat(span.name()).isEqualTo("StereotypedService.send");
    assertThat(span.kind()).isEqualTo(SpanKind.PRODUCER);
  }

  @Test
  void undecoratedBeansProduceNothing() {
    assertThat(plain.work()).isEqualTo("worked");
    assertThat(finished()).isEmpty();
  }

  @Test
  void inheritedMethodIsNamedAfterEachBeanClassNeverAProxy() {
    assertThat(child.inherited()).contains("Weld"); // really called through a generated subclass
    otherChild.inherited();
    child.inherited();

    assertThat(finished())
        .extracting(Span::name)
        .containsExactly(
            "ChildService.inherited", "OtherChildService.inherited", "ChildService.inherited");
    assertThat(memory.getSpans())
        .extracting(span -> span.attributes().get("code.namespace"))
        .containsExactly(
            ChildService.class.getName(),
            OtherChildService.class.getName(),
            ChildService.class.getName());
  }

  @Test
  void everyExporterBeanGetsTheSpansInsteadOfTheConfiguredExporter() {
    orders.place("book");
    orders.pay();
    assertThat(finished()).hasSize(2);
    assertThat(RecordingExporter.spans())
        .extracting(Span::name)
        .containsExactlyInAnyOrder("OrderService.place", "OrderService.pay");
    assertThat(Exporters.sharedMemory().getSpans()).isEmpty();
  }
}

package org.codomyrmex.tracing.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.Map;
import org.codomyrmex.tracing.Sampler;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanContext;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.cdi.TestBeans.OrderService;
import org.codomyrmex.tracing.cdi.TestBeans.RecordingExporter;
import org.codomyrmex.tracing.cdi.TestBeans.TracerHolder;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The configured sampler and the application's Sampler bean, on both deployment kinds. */
class SamplingCdiTest extends ConfiguredContainers {
  /** Records only the traces whose root is a {@code place} call. */
  @ApplicationScoped
  static class PlaceOnlySampler implements Sampler {
    @Override
    public boolean shouldSample(
        long traceIdHigh, long traceIdLow, String spanName, SpanKind kind, long start) {
      return spanName.endsWith(".place");
    }
  }

  @ParameterizedTest
  @EnumSource(Deployments.class)
  void theConfiguredSamplerDecidesForRootSpans(Deployments deployment) {
    set("tracing.sampler", "never");
    try (WeldContainer container = start(deployment)) {
      container.select(OrderService.class).get().place("a");
      TracerHolder holder = container.select(TracerHolder.class).get();
      holder.flush();
      assertThat(RecordingExporter.spans()).isEmpty();
      assertThat(holder.tracer().droppedSpans()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Deployments.class)
  void aSamplerBeanReplacesTheConfiguredSampler(Deployments deployment) {
    set("tracing.sampler", "never");
    try (WeldContainer container = start(deployment, PlaceOnlySampler.class)) {
      OrderService orders = container.select(OrderService.class).get();
      orders.place("a");
      orders.pay();
      container.select(TracerHolder.class).get().flush();
      assertThat(RecordingExporter.spans()).extracting(Span::name).contains("OrderService.place");
      assertThat(RecordingExporter.spans())
          .extracting(Span::name)
          .doesNotContain("OrderService.pay");
    }
  }

  @ParameterizedTest
  @EnumSource(Deployments.class)
  void tracedMethodsFollowTheCurrentSpansDecision(Deployments deployment) {
    try (WeldContainer container = start(deployment)) {
      OrderService orders = container.select(OrderService.class).get();
      Tracer tracer = container.select(TracerHolder.class).get().tracer();
      SpanContext unrecorded =
          SpanContext.create(
              "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", null, false, null);
      Span parent = tracer.startSpan("incoming", SpanKind.SERVER, unrecorded, Map.of());
      try (var ignored = parent.makeCurrent()) {
        orders.place("a");
      }
      parent.finish();
      container.select(TracerHolder.class).get().flush();
      assertThat(RecordingExporter.spans()).isEmpty();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "tracing.sampler, sometimes",
    "tracing.sampler.ratio, 1.5",
    "tracing.sampler.rate, 0",
    "otel.traces.sampler, jaeger_remote"
  })
  void badSamplerValuesFailDeploymentNamingTheKey(String key, String value) {
    set(key, value);
    for (Deployments deployment : Deployments.values()) {
      assertThatThrownBy(() -> start(deployment).close())
          .isInstanceOf(DeploymentException.class)
          .hasMessageStartingWith(key + ": invalid value '" + value + "'");
    }
  }
}

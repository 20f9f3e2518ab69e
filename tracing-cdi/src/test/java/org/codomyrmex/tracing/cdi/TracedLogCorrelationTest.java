package org.codomyrmex.tracing.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.cdi.TestBeans.MemoryExporterProducer;
import org.codomyrmex.tracing.export.InMemoryExporter;
import org.codomyrmex.tracing.logging.LogbackCapture;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/** On Weld SE, a line logged inside a {@code @Traced} method carries that method's span ids. */
class TracedLogCorrelationTest {
  private static final String LOGGER = "traced-correlation";

  /** Logs one line inside its span. */
  @ApplicationScoped
  @Traced
  static class Payments {
    void pay() {
      LoggerFactory.getLogger(LOGGER).info("paying");
    }
  }

  @ParameterizedTest
  @EnumSource(Deployments.class)
  void aLineLoggedInATracedMethodCarriesItsSpansIds(Deployments deployment) {
    Tracers.shutdownAll();
    LogbackCapture output = LogbackCapture.attach(LOGGER, "%X{trace_id}|%X{span_id}|%msg%n");
    try (WeldContainer container =
        deployment.weld(Payments.class, MemoryExporterProducer.class).initialize()) {
      container.select(Payments.class).get().pay();
      container.select(Tracer.class).get().flush();
      Span span = container.select(InMemoryExporter.class).get().getSpans().get(0);

      assertThat(span.name()).isEqualTo("Payments.pay");
      assertThat(output.text()).isEqualTo(span.traceId() + "|" + span.spanId() + "|paying");
    }
  }
}

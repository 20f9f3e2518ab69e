package org.codomyrmex.tracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.codomyrmex.tracing.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sampling across two services, switched as an operator would: through each tracer's MXBean in the
 * platform MBean server, while the services run.
 */
@ExtendWith(Services.class)
class SamplingIT {
  private final CollectingExporter spans = CollectingExporter.INSTANCE;
  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

  @BeforeEach
  void clear() {
    assertThat(Http.frontend("api/chain?item=1").statusCode()).isEqualTo(200); // both tracers exist
    Services.flushAll();
    spans.clear();
  }

  @AfterEach
  void recordEverythingAgain() throws JMException {
    ratio(Services.FRONTEND, 1.0);
    ratio(Services.BACKEND, 1.0);
  }

  private void ratio(String tracer, double ratio) throws JMException {
    server.setAttribute(name(tracer), new Attribute("SamplingRatio", ratio));
  }

  private static ObjectName name(String tracer) throws JMException {
    return new ObjectName("org.codomyrmex.tracing:type=Tracer,name=" + tracer);
  }

  @Test
  void anUnrecordedTraceExportsNothingOnEitherSideAndItsHeadersStillFlow() throws JMException {
    ratio(Services.FRONTEND, 0.0);
    HttpResponse<String> response = Http.frontend("api/chain?item=7");
    assertThat(response.statusCode()).isEqualTo(200);
    String traceId = Http.traceId(response);
    assertThat(traceId).as("X-Trace-Id answered for an unrecorded trace").hasSize(32);

    Map<String, String> seen = Http.lines(response.body());
    assertThat(seen).containsEntry("trace", traceId).containsEntry("sampled", "false");
    Services.flushAll();
    assertThat(spans.trace(traceId)).isEmpty();
    assertThat(server.getAttribute(name(Services.FRONTEND), "DroppedSpans")).isEqualTo(0L);
    assertThat(server.getAttribute(name(Services.BACKEND), "DroppedSpans")).isEqualTo(0L);
  }

  @Test
  void aRecordedUpstreamDecisionIsHonouredByANeverDownstream() throws JMException {
    ratio(Services.BACKEND, 0.0);
    HttpResponse<String> response = Http.frontend("api/chain?item=8");
    String traceId = Http.traceId(response);
    assertThat(Http.lines(response.body())).containsEntry("sampled", "true");
    List<Span> trace = spans.awaitTrace(traceId, 3);
    assertThat(trace)
        .extracting(span -> span.attributes().get("service.name"))
        .containsExactlyInAnyOrder(Services.FRONTEND, Services.FRONTEND, Services.BACKEND);
  }

  @Test
  void theBackendsOwnRootsFollowItsSampler() throws JMException {
    ratio(Services.BACKEND, 0.0);
    HttpResponse<String> response = Http.get(Services.backend("backend/items/3"));
    assertThat(response.statusCode()).isEqualTo(200);
    String traceId = Http.traceId(response);
    assertThat(traceId).hasSize(32);
    Services.flushAll();
    assertThat(spans.trace(traceId)).isEmpty();
  }
}

package org.codomyrmex.tracing.it.w3c;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code tracing.propagation=x-trace,w3c} through the JAX-RS filters: a caller speaking only W3C
 * Trace Context is joined, and the downstream service receives both header sets naming the client
 * span.
 */
@Timeout(120)
class W3cPropagationIT {
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final List<Span> EXPORTED = Collections.synchronizedList(new ArrayList<>());

  private static String previousPropagation;
  private static List<Tracer> tracers;
  private static W3cServices services;

  @BeforeAll
  static void startServicesInCombinedMode() throws Exception {
    previousPropagation = System.setProperty("tracing.propagation", "x-trace,w3c");
    // Registered before the filters ask for them by name: the same instances, our exporter.
    tracers =
        List.of(
            Tracers.get(W3cServices.RELAY, EXPORTED::addAll),
            Tracers.get(W3cServices.ECHO, EXPORTED::addAll));
    services = W3cServices.start();
  }

  @AfterAll
  static void stopServices() throws Exception {
    try {
      if (services != null) {
        services.close();
      }
    } finally {
      if (previousPropagation == null) {
        System.clearProperty("tracing.propagation");
      } else {
        System.setProperty("tracing.propagation", previousPropagation);
      }
    }
  }

  @BeforeEach
  void clear() {
    tracers.forEach(Tracer::flush);
    EXPORTED.clear();
  }

  @Test
  void aW3cOnlyCallerIsJoinedAndDownstreamGetsBothFormatsNamingTheClientSpan() throws Exception {
    String traceparent = "00-" + TRACE + "-" + CALLER_SPAN + "-01";
    HttpResponse<String> response =
        call("traceparent", traceparent, "tracestate", "vendor=opaque-1,other=x");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Trace-Id")).contains(TRACE);
    List<Span> trace = awaitTrace(TRACE, 3);
    Span relay = only(trace, SpanKind.SERVER, W3cServices.RELAY);
    Span client = only(trace, SpanKind.CLIENT, W3cServices.RELAY);
    Span echo = only(trace, SpanKind.SERVER, W3cServices.ECHO);
    assertThat(relay.parentSpanId()).isEqualTo(CALLER_SPAN);
    assertThat(client.parentSpanId()).isEqualTo(relay.spanId());
    assertThat(echo.parentSpanId()).isEqualTo(client.spanId());

    Map<String, String> seen = lines(response.body());
    assertThat(seen)
        .containsEntry("traceparent", "00-" + TRACE + "-" + client.spanId() + "-01")
        .containsEntry("tracestate", "vendor=opaque-1,other=x")
        .containsEntry("X-Trace-Id", TRACE)
        .containsEntry("X-Span-Id", client.spanId())
        .containsEntry("X-Parent-Span-Id", relay.spanId())
        .containsEntry("X-Sampled", "true")
        .containsEntry("echo", echo.spanId())
        .containsEntry("relay", relay.spanId());
  }

  @Test
  void anXTraceCallerIsJoinedTooAndDownstreamStillGetsTraceparent() throws Exception {
    String trace = "5bf92f3577b34da6a3ce929d0e0e4736";
    HttpResponse<String> response = call("X-Trace-Id", trace, "X-Span-Id", CALLER_SPAN);

    List<Span> spans = awaitTrace(trace, 3);
    Span relay = only(spans, SpanKind.SERVER, W3cServices.RELAY);
    Span client = only(spans, SpanKind.CLIENT, W3cServices.RELAY);
    assertThat(relay.parentSpanId()).isEqualTo(CALLER_SPAN);
    assertThat(lines(response.body()))
        .containsEntry("traceparent", "00-" + trace + "-" + client.spanId() + "-01")
        .containsEntry("tracestate", "null")
        .containsEntry("X-Span-Id", client.spanId());
  }

  @Test
  void anUnsampledTraceparentTravelsOnAsUnsampledAndNothingIsExported() throws Exception {
    String trace = "6bf92f3577b34da6a3ce929d0e0e4736";
    HttpResponse<String> response = call("traceparent", "00-" + trace + "-" + CALLER_SPAN + "-00");

    Map<String, String> seen = lines(response.body());
    assertThat(seen.get("traceparent")).startsWith("00-" + trace + "-").endsWith("-00");
    assertThat(seen).containsEntry("X-Trace-Id", trace).containsEntry("X-Sampled", "false");
    call(); // a sampled request, to know the pipeline has run
    awaitCount(3);
    assertThat(EXPORTED).noneMatch(s -> s.traceId().equals(trace));
  }

  @Test
  void anInvalidTraceparentIsIgnoredAndANewTraceStarts() throws Exception {
    String upper = "00-" + TRACE.toUpperCase(java.util.Locale.ROOT) + "-" + CALLER_SPAN + "-01";
    HttpResponse<String> response = call("traceparent", upper);

    String trace = response.headers().firstValue("X-Trace-Id").orElseThrow();
    assertThat(trace).matches("[0-9a-f]{32}").isNotEqualToIgnoringCase(TRACE);
    assertThat(only(awaitTrace(trace, 3), SpanKind.SERVER, W3cServices.RELAY).parentSpanId())
        .isNull();
  }

  private static HttpResponse<String> call(String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(services.relayUri()).timeout(Duration.ofSeconds(20)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<Span> awaitTrace(String traceId, int count) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      tracers.forEach(Tracer::flush);
      List<Span> trace = snapshot().stream().filter(s -> s.traceId().equals(traceId)).toList();
      if (trace.size() >= count) {
        return trace;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("trace " + traceId + " not exported: " + snapshot());
  }

  private static void awaitCount(int count) throws InterruptedException {
    for (int i = 0; i < 200 && snapshot().size() < count; i++) {
      tracers.forEach(Tracer::flush);
      Thread.sleep(50);
    }
    assertThat(snapshot()).hasSizeGreaterThanOrEqualTo(count);
  }

  private static List<Span> snapshot() {
    synchronized (EXPORTED) {
      return List.copyOf(EXPORTED);
    }
  }

  private static Span only(List<Span> trace, SpanKind kind, String service) {
    List<Span> found =
        trace.stream()
            .filter(s -> s.kind() == kind && service.equals(s.attributes().get("service.name")))
            .toList();
    assertThat(found).as("%s spans of %s", kind, service).hasSize(1);
    return found.get(0);
  }

  // The echo answers "name=value" lines: the properties format.
  private static Map<String, String> lines(String body) throws IOException {
    Properties properties = new Properties();
    properties.load(new StringReader(body));
    Map<String, String> map = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
    return map;
  }
}

package org.codomyrmex.tracing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.SeBootstrap;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.internal.Exporters;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The viewer on Weld SE + RESTEasy (SeBootstrap, Undertow), over real HTTP on 127.0.0.1. */
class TraceViewerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SeBootstrap.Instance shop;

  @BeforeAll
  static void start() throws Exception {
    shop = ViewerServers.startShop("memory");
  }

  @AfterAll
  static void stop() throws Exception {
    ViewerServers.stopShop(shop);
  }

  private static HttpResponse<String> get(String path, String... headers) {
    return ViewerServers.get(ViewerServers.uri(shop, path), headers);
  }

  // The trace of a request to the shop, once the viewer lists it.
  private static JsonNode traceOf(String path) throws Exception {
    String traceId = get(path).headers().firstValue("X-Trace-Id").orElseThrow();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      Tracers.get("shop").flush();
      HttpResponse<String> response = get("api/tracing/api/traces/" + traceId);
      if (response.statusCode() == 200) {
        JsonNode trace = JSON.readTree(response.body());
        if (trace.get("span_count").asInt() > 0 && !trace.get("root_name").asText().isEmpty()) {
          return trace;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the viewer never showed the trace of " + path);
  }

  @Test
  void listsRecordedTracesNewestFirstAndShowsOneWithItsSpans() throws Exception {
    JsonNode order = traceOf("api/shop/orders/sku-1");
    JsonNode failure = traceOf("api/shop/pay");

    HttpResponse<String> list = get("api/tracing/api/traces");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    List<String> ids = JSON.readTree(list.body()).get("traces").findValuesAsText("trace_id");
    assertThat(ids)
        .containsSubsequence(failure.get("trace_id").asText(), order.get("trace_id").asText());

    assertThat(order.get("root_name").asText()).isEqualTo("GET /api/shop/orders/{id}");
    assertThat(order.get("service").asText()).isEqualTo("shop");
    assertThat(order.get("error_count").asInt()).isZero();
    assertThat(order.get("spans").findValuesAsText("kind"))
        .contains("server", "internal", "client");
    assertThat(order.get("spans").findValuesAsText("name"))
        .contains("GET /api/stock/{sku}", "Warehouse.reserve");

    assertThat(failure.get("error_count").asInt()).isPositive();
    JsonNode exception = failure.get("spans").get(0).get("events").get(0).get("attributes");
    assertThat(exception.get("exception.message").asText())
        .isEqualTo("payment gateway <b>refused</b>");
    assertThat(exception.get("exception.stacktrace").asText()).contains("ShopResource.pay");
  }

  @Test
  void keepsExportingToTheConfiguredExporterToo() throws Exception {
    String traceId = traceOf("api/shop/orders/sku-2").get("trace_id").asText();
    assertThat(Exporters.sharedMemory().getSpans(traceId))
        .extracting(Span::name)
        .contains("GET /api/shop/orders/{id}");
  }

  @Test
  void servesThePageAndItsFilesFromTheApplication() {
    HttpResponse<String> page = get("api/tracing");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<script src=\"/api/tracing/viewer.js\"", "href=\"/api/tracing/viewer.css\"")
        .doesNotContain("http:", "https:");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            policy -> assertThat(policy).contains("default-src 'none'", "script-src 'self'"));
    assertThat(get("api/tracing/").body()).isEqualTo(page.body());
    assertThat(get("api/tracing/trace/" + "ab".repeat(16)).body()).isEqualTo(page.body());
    assertThat(get("api/tracing/viewer.js").body())
        .contains("textContent")
        .doesNotContain("innerHTML", "http:", "https:");
    assertThat(get("api/tracing/viewer.css").headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    assertThat(get("api/tracing/nothing-here").statusCode()).isEqualTo(404);
    assertThat(get("api/tracing/api/traces/" + "0".repeat(32)).statusCode()).isEqualTo(404);
  }

  @Test
  void escapesWhatTheApplicationNamed() throws Exception {
    String traceId = traceOf("api/shop/hostile").get("trace_id").asText();
    HttpResponse<String> response = get("api/tracing/api/traces/" + traceId);
    assertThat(response.body())
        .doesNotContain("<img")
        .contains("\\u003Cimg src=x onerror=alert(1)\\u003E");
    JsonNode hostile = JSON.readTree(response.body()).get("spans").get(1);
    assertThat(hostile.get("name").asText()).isEqualTo(ShopResource.HOSTILE);
    assertThat(get("api/tracing/api/traces").body()).doesNotContain("<", ">");
  }

  @Test
  void isReadOnly() {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      HttpResponse<String> response =
          ViewerServers.send(
              HttpRequest.newBuilder(ViewerServers.uri(shop, "api/tracing/api/traces"))
                  .method(method, HttpRequest.BodyPublishers.ofString("{}")),
              "Content-Type",
              "application/json");
      assertThat(response.statusCode()).as(method).isEqualTo(405);
    }
  }

  @Test
  void neverTracesItself() throws Exception {
    traceOf("api/shop/orders/sku-3"); // the pipeline runs
    for (String path : List.of("api/tracing", "api/tracing/viewer.js", "api/tracing/api/traces")) {
      assertThat(get(path).headers().firstValue("X-Trace-Id")).as(path).isEmpty();
    }
    String last =
        traceOf("api/shop/orders/sku-4").get("trace_id").asText(); // after the viewer's requests
    assertThat(last).isNotEmpty();
    Tracers.get("shop").flush();
    assertThat(Exporters.sharedMemory().getSpans())
        .extracting(span -> String.valueOf(span.attributes().get("url.path")))
        .noneMatch(path -> path.contains("/tracing"));
    assertThat(JSON.readTree(get("api/tracing/api/traces").body()).findValuesAsText("root_name"))
        .noneMatch(name -> name.contains("tracing"));
  }

  @Test
  void refusesNonLoopbackClientsUnlessAllowed() throws Exception {
    int port = ViewerServers.freePort();
    UndertowJaxrsServer refusing = ViewerServers.startBehindProxy(port, BareApp.class);
    try {
      URI viewer = URI.create("http://127.0.0.1:" + port + "/api/tracing/api/traces");
      assertThat(ViewerServers.get(viewer).statusCode()).isEqualTo(200);
      assertThat(ViewerServers.get(viewer, "X-Forwarded-For", "203.0.113.7").statusCode())
          .isEqualTo(403);
      assertThat(ViewerServers.get(viewer, "X-Forwarded-For", "::1").statusCode()).isEqualTo(200);
    } finally {
      refusing.stop();
    }
    System.setProperty("tracing.ui.allow-remote", "true");
    int allowingPort = ViewerServers.freePort();
    UndertowJaxrsServer allowing = ViewerServers.startBehindProxy(allowingPort, BareApp.class);
    try {
      URI viewer = URI.create("http://127.0.0.1:" + allowingPort + "/api/tracing/api/traces");
      assertThat(ViewerServers.get(viewer, "X-Forwarded-For", "203.0.113.7").statusCode())
          .isEqualTo(200);
    } finally {
      System.clearProperty("tracing.ui.allow-remote");
      allowing.stop();
    }
  }

  @Test
  void isOffByDefault() throws Exception {
    System.clearProperty("tracing.ui.enabled");
    int port = ViewerServers.freePort();
    UndertowJaxrsServer plain = ViewerServers.startBehindProxy(port, BareApp.class);
    try {
      HttpResponse<String> response =
          ViewerServers.get(URI.create("http://127.0.0.1:" + port + "/api/tracing/api/traces"));
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).doesNotContain("traces");
    } finally {
      System.setProperty("tracing.ui.enabled", "true");
      plain.stop();
    }
  }
}

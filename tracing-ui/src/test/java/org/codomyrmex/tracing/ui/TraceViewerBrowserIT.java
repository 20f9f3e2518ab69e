package org.codomyrmex.tracing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.SeBootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.codomyrmex.tracing.Tracers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page in Debian's headless Chromium: the list, a waterfall, a span's details opened by a mouse
 * click, and hostile names rendered as text. Screenshots go to {@code target/screenshots/} for a
 * person to look at.
 */
class TraceViewerBrowserIT {
  private static final Path SHOTS =
      Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
  private static SeBootstrap.Instance shop;
  private static HeadlessChromium browser;
  private static String viewer;

  @BeforeAll
  static void start() throws Exception {
    shop = ViewerServers.startShop("none");
    viewer = ViewerServers.uri(shop, "api/tracing").toString();
    for (String path :
        new String[] {
          "api/shop/orders/sku-1", "api/shop/hostile", "api/shop/pay", "api/shop/orders/sku-2"
        }) {
      assertThat(ViewerServers.get(ViewerServers.uri(shop, path)).statusCode()).isIn(200, 500);
      Thread.sleep(30); // distinct start times: a stable order in the list
    }
    Tracers.get("shop").flush();
    String chromium = System.getProperty("chromium.path", "/usr/bin/chromium");
    assertThat(Path.of(chromium))
        .as("Debian's chromium package (.ci/run installs it)")
        .isExecutable();
    browser = HeadlessChromium.start(chromium, Files.createTempDirectory("tracing-ui-chromium"));
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      ViewerServers.stopShop(shop);
    }
  }

  @Test
  void listsTheTracesNewestFirstWithErrorsMarked() throws Exception {
    browser.open(viewer);
    browser.waitFor("document.querySelectorAll('tr.trace').length >= 4");
    browser.screenshot(SHOTS.resolve("trace-list.png"));

    JsonNode names =
        browser.evaluate(
            "[...document.querySelectorAll('tr.trace .trace-link')].map(a => a.textContent)");
    assertThat(texts(names))
        .containsSubsequence(
            "GET /api/shop/orders/{id}",
            "GET /api/shop/pay",
            "GET /api/shop/hostile",
            "GET /api/shop/orders/{id}");
    JsonNode failing =
        browser.evaluate(
            "[...document.querySelectorAll('tr.trace.has-error .trace-link')].map(a => a.textContent)");
    assertThat(texts(failing)).containsExactly("GET /api/shop/pay");
    assertThat(
            browser
                .evaluate("document.querySelector('tr.has-error .badge.error').textContent")
                .asText())
        .isEqualTo("1");
    assertThat(
            browser
                .evaluate("document.querySelector('tr.trace .col-service').textContent")
                .asText())
        .isEqualTo("shop");
  }

  @Test
  void opensAWaterfallOfNestedSpansAndShowsDetailsOnClick() throws Exception {
    browser.open(viewer);
    browser.waitFor("document.querySelectorAll('tr.trace').length >= 4");
    browser.click("tr.trace:last-child .trace-link"); // the oldest: the first order
    browser.waitFor("document.querySelectorAll('.wf-span').length === 4");
    assertThat(browser.evaluate("location.pathname").asText()).startsWith("/api/tracing/trace/");

    JsonNode rows =
        browser.evaluate(
            "[...document.querySelectorAll('.wf-span')].map(s => ({name: s.querySelector('.span-name').textContent, kind: s.querySelector('.kind').textContent, indent: parseFloat(s.querySelector('.wf-name').style.paddingLeft), left: parseFloat(s.querySelector('.bar').style.left), duration: s.querySelector('.wf-duration').textContent}))");
    assertThat(texts(rows, "name"))
        .containsExactly(
            "GET /api/shop/orders/{id}", "Warehouse.reserve", "GET", "GET /api/stock/{sku}");
    assertThat(texts(rows, "kind")).containsExactly("server", "internal", "client", "server");
    assertThat(rows.findValues("indent"))
        .extracting(JsonNode::asDouble)
        .isSorted()
        .doesNotHaveDuplicates();
    assertThat(rows.get(0).get("left").asDouble()).isZero();
    assertThat(rows.findValues("left")).extracting(JsonNode::asDouble).isSorted();
    assertThat(texts(rows, "duration")).allMatch(text -> text.matches("[0-9.]+ (ms|s)"));
    assertThat(browser.evaluate("document.querySelector('.wf-span .details').hidden").asBoolean())
        .isTrue();
    browser.screenshot(SHOTS.resolve("trace-waterfall.png"));

    browser.click(
        ".waterfall > .wf-span:nth-child(3) .wf-row .span-name"); // after the header row and the
    // root // Warehouse.reserve
    browser.waitFor("!document.querySelectorAll('.wf-span')[1].querySelector('.details').hidden");
    String details =
        browser
            .evaluate(
                "document.querySelectorAll('.wf-span')[1].querySelector('.details').textContent")
            .asText();
    assertThat(details).contains("code.function", "reserve", "Span id", "Parent id");
  }

  @Test
  void showsTheExceptionOfAFailedSpanWithItsStackTrace() throws Exception {
    browser.open(viewer);
    browser.waitFor("document.querySelectorAll('tr.has-error').length === 1");
    browser.click("tr.has-error .trace-link");
    browser.waitFor("document.querySelectorAll('.wf-span.has-error').length >= 1");
    browser.click(".wf-span.has-error .wf-row .span-name");
    browser.waitFor(
        "document.querySelector('.wf-span.has-error pre.stack') && !document.querySelector('.wf-span.has-error .details').hidden");
    browser.screenshot(SHOTS.resolve("trace-error-details.png"));

    assertThat(browser.evaluate("document.querySelector('.exception-line').textContent").asText())
        .isEqualTo("java.lang.IllegalStateException: payment gateway <b>refused</b>");
    assertThat(browser.evaluate("document.querySelector('pre.stack').textContent").asText())
        .contains("at org.codomyrmex.tracing.ui.ShopResource.pay(");
    assertThat(browser.evaluate("document.querySelectorAll('main b').length").asInt()).isZero();
  }

  @Test
  void rendersHostileNamesAsText() throws Exception {
    browser.open(viewer);
    browser.waitFor("document.querySelectorAll('tr.trace').length >= 4");
    browser.click("tr.trace:nth-child(3) .trace-link"); // the hostile request
    browser.waitFor("document.querySelectorAll('.wf-span').length === 2");
    browser.click(
        ".waterfall > .wf-span:nth-child(3) .wf-row .span-name"); // after the header row and the
    // root
    browser.waitFor("!document.querySelectorAll('.wf-span')[1].querySelector('.details').hidden");
    browser.screenshot(SHOTS.resolve("trace-hostile-names.png"));

    assertThat(
            browser
                .evaluate(
                    "document.querySelectorAll('.wf-span')[1].querySelector('.span-name').textContent")
                .asText())
        .isEqualTo(ShopResource.HOSTILE);
    assertThat(
            browser
                .evaluate(
                    "document.querySelectorAll('.wf-span')[1].querySelectorAll('.details table.kv th')[1].textContent")
                .asText())
        .isEqualTo(ShopResource.HOSTILE);
    assertThat(browser.evaluate("document.querySelectorAll('img').length").asInt()).isZero();
    Thread.sleep(300); // an onerror handler would have run by now
    assertThat(browser.dialogs()).isEmpty();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add(node.asText()));
    return out;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add(node.get(field).asText()));
    return out;
  }
}

package org.codomyrmex.tracing.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol with the JDK's WebSocket client:
 * real navigation, real mouse clicks, screenshots, and every JavaScript dialog the page opens. It
 * listens on 127.0.0.1 only and is told to resolve no host but 127.0.0.1.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> dialogs = new CopyOnWriteArrayList<>();

  private HeadlessChromium(Process process, WebSocket.Builder sockets, URI page) {
    this.process = process;
    this.socket = sockets.buildAsync(page, new Listener()).join();
  }

  /** Starts Chromium with a fresh profile under {@code profile} and attaches to its blank page. */
  static HeadlessChromium start(String executable, Path profile) throws Exception {
    Files.createDirectories(profile);
    Path portFile = profile.resolve("DevToolsActivePort");
    Files.deleteIfExists(portFile);
    List<String> command =
        new ArrayList<>(
            List.of(
                executable,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                "--window-size=1400,900",
                "--hide-scrollbars",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-default-apps",
                "--disable-domain-reliability",
                "--no-pings",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "about:blank"));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(profile.resolve("chromium.log").toFile())
            .start();
    try {
      int port = awaitPort(portFile);
      HttpClient http = HttpClient.newHttpClient();
      URI page = pageSocket(http, port);
      return new HeadlessChromium(process, http.newWebSocketBuilder(), page);
    } catch (Exception | AssertionError e) {
      stop(process);
      throw e;
    }
  }

  private static int awaitPort(Path portFile) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(portFile)) {
        List<String> lines = Files.readAllLines(portFile);
        if (!lines.isEmpty() && !lines.get(0).isBlank()) {
          return Integer.parseInt(lines.get(0).trim());
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Chromium did not open its DevTools port within " + TIMEOUT);
  }

  private static URI pageSocket(HttpClient http, int port) throws Exception {
    HttpResponse<String> targets =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .timeout(TIMEOUT)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    for (JsonNode target : JSON.readTree(targets.body())) {
      if ("page".equals(target.path("type").asText())) {
        return URI.create(target.get("webSocketDebuggerUrl").asText());
      }
    }
    throw new AssertionError("Chromium has no page: " + targets.body());
  }

  /** Opens {@code url} and waits until the document has loaded. */
  void open(String url) throws Exception {
    send("Page.navigate", Map.of("url", url));
    waitFor("document.readyState === 'complete' && location.href === " + quote(url));
  }

  /** The value of a JavaScript expression evaluated in the page. */
  JsonNode evaluate(String expression) throws Exception {
    JsonNode result =
        send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new AssertionError("page script failed: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Waits until {@code condition} is true in the page. */
  void waitFor(String condition) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (evaluate("Boolean(" + condition + ")").asBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the page never satisfied: " + condition);
  }

  /** Clicks the middle of the first element matching {@code selector} with the mouse. */
  void click(String selector) throws Exception {
    JsonNode box =
        evaluate(
            "(() => { const e = document.querySelector("
                + quote(selector)
                + "); if (!e) return null; e.scrollIntoView({block: 'center'});"
                + " const r = e.getBoundingClientRect();"
                + " return {x: r.left + Math.min(r.width / 2, 60), y: r.top + r.height / 2}; })()");
    if (box.isNull() || box.isMissingNode()) {
      throw new AssertionError("nothing to click at " + selector);
    }
    for (String type : List.of("mousePressed", "mouseReleased")) {
      send(
          "Input.dispatchMouseEvent",
          Map.of(
              "type",
              type,
              "x",
              box.get("x").asDouble(),
              "y",
              box.get("y").asDouble(),
              "button",
              "left",
              "clickCount",
              1));
    }
  }

  /** Saves the whole page as a PNG. */
  void screenshot(Path file) throws Exception {
    JsonNode shot =
        send(
            "Page.captureScreenshot",
            Map.of("format", "png", "captureBeyondViewport", true, "fromSurface", true));
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
  }

  /** The messages of the alerts, confirms and prompts the page opened (each dismissed). */
  List<String> dialogs() {
    return List.copyOf(dialogs);
  }

  private JsonNode send(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
    JsonNode response = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (response.has("error")) {
      throw new AssertionError(method + " failed: " + response.get("error"));
    }
    return response.get("result");
  }

  private static String quote(String text) throws IOException {
    return JSON.writeValueAsString(text);
  }

  @Override
  public void close() {
    socket.abort();
    stop(process);
  }

  private static void stop(Process process) {
    process.destroy(); // this PID only; Chromium's helpers exit with it
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
      webSocket.sendText(
          "{\"id\":0,\"method\":\"Page.enable\",\"params\":{}}", true); // dialogs are page events
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        receive(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    private void receive(String text) {
      try {
        JsonNode message = JSON.readTree(text);
        if (message.has("id")) {
          CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
          if (answer != null) {
            answer.complete(message);
          }
        } else if ("Page.javascriptDialogOpening".equals(message.path("method").asText())) {
          dialogs.add(message.path("params").path("message").asText());
          socket.sendText(
              "{\"id\":-1,\"method\":\"Page.handleJavaScriptDialog\",\"params\":{\"accept\":false}}",
              true);
        }
      } catch (IOException e) {
        throw new IllegalStateException("unreadable DevTools message", e);
      }
    }
  }
}

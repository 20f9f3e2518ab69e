package org.codomyrmex.tracing.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the demo as the README's command does, a JVM of its own, and reads what it prints. */
class DemoIT {
  private static final long TIMEOUT_SECONDS = 180;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void printsEachOrdersTraceAsATreeAndExitsByItself() throws Exception {
    Path output = Path.of("target", "demo-output.txt");
    Process demo = start(output, "-Ddemo.linger-seconds=1");

    assertThat(demo.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("exited in time").isTrue();
    String printed = Files.readString(output);
    assertThat(demo.exitValue()).as(printed).isZero();

    assertLinesInOrder(
        block(printed, "GET /api/orders/42 -> 200 order 42 placed"),
        "^trace [0-9a-f]{32}, 5 spans$",
        "^  GET /api/orders/\\{id\\} +server +[0-9.]+ ms  200 +\\|#{30}\\|$",
        "^    OrderService.place +internal .* - +\\|",
        "^      price-order +internal .* - +\\|",
        "^      GET +client .* 200 +\\|",
        "^        GET /api/stock/\\{sku\\} +server .* 200 +\\|");
    assertLinesInOrder(
        block(printed, "GET /api/orders/7 -> 409 order 7: out of stock"),
        "^  GET /api/orders/\\{id\\} +server .* 409 +\\|",
        "^      GET +client .* 404 error +\\|",
        "^        GET /api/stock/\\{sku\\} +server .* 404 +\\|");
    assertLinesInOrder(
        block(printed, "GET /api/orders/13 -> 500 card declined for order 13"),
        "^  GET /api/orders/\\{id\\} +server .* 500 error +\\|",
        "^    ! java.lang.IllegalStateException: card declined for order 13$",
        "^    OrderService.place +internal .* error +\\|",
        "^      ! java.lang.IllegalStateException: card declined for order 13$",
        "^      price-order +internal .* - +\\|");
    assertThat(printed)
        .containsPattern("\nTrace viewer: http://127\\.0\\.0\\.1:\\d+/api/tracing\\R")
        .contains("Stopping in 1 s");
  }

  @Test
  void keepsRunningWithTheViewerUpWhenAsked() throws Exception {
    Path output = Path.of("target", "demo-keep-running-output.txt");
    Process demo = start(output, "-Ddemo.keep-running=true");

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (!Files.readString(output).contains("Running until Ctrl+C") && demo.isAlive()) {
      assertThat(System.nanoTime()).as(Files.readString(output)).isLessThan(deadline);
      Thread.sleep(200);
    }
    assertThat(demo.waitFor(3, TimeUnit.SECONDS)).as(Files.readString(output)).isFalse();
    String printed = Files.readString(output);
    URI viewer = URI.create(lineAfter(printed, "Trace viewer: "));
    assertThat(get(viewer).body()).contains("<html");
    String traces = get(URI.create(viewer + "/api/traces")).body();
    assertThat(traces).contains(traceIdsPrinted(printed)).contains("GET /api/orders/{id}");
    demo.destroy();
    assertThat(demo.waitFor(30, TimeUnit.SECONDS)).as("stopped by its PID").isTrue();
  }

  private Process start(Path output, String option) throws IOException {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                option,
                "-classpath",
                System.getProperty("java.class.path"),
                Demo.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    started.add(process);
    return process;
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s: %s", uri, response.body()).isEqualTo(200);
    return response;
  }

  private static String lineAfter(String printed, String prefix) {
    return Arrays.stream(printed.split("\\R"))
        .filter(line -> line.startsWith(prefix))
        .map(line -> line.substring(prefix.length()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no '" + prefix + "' in\n" + printed));
  }

  private static List<String> traceIdsPrinted(String printed) {
    List<String> ids =
        Pattern.compile("^trace ([0-9a-f]{32}),", Pattern.MULTILINE)
            .matcher(printed)
            .results()
            .map(match -> match.group(1))
            .toList();
    assertThat(ids).as(printed).hasSize(Demo.ORDERS.size());
    return ids;
  }

  /** Each pattern matches a whole line, each one below the line the previous one matched. */
  private static void assertLinesInOrder(List<String> lines, String... patterns) {
    int next = 0;
    for (String pattern : patterns) {
      Pattern regex = Pattern.compile(pattern);
      while (next < lines.size() && !regex.matcher(lines.get(next)).find()) {
        next++;
      }
      assertThat(next)
          .as("'%s' in order in%n%s", pattern, String.join("\n", lines))
          .isLessThan(lines.size());
      next++;
    }
  }

  /** The lines printed for one request: from its request line to the next blank line. */
  private static List<String> block(String printed, String requestLine) {
    List<String> lines = Arrays.asList(printed.split("\\R"));
    int start = lines.indexOf(requestLine);
    assertThat(start).as(printed).isNotNegative();
    int end = start;
    while (end < lines.size() && !lines.get(end).isBlank()) {
      end++;
    }
    return lines.subList(start, end);
  }
}

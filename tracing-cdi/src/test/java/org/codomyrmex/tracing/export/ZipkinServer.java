package org.codomyrmex.tracing.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real Zipkin server ({@code io.zipkin:zipkin-server:exec}, copied by the build to the path in
 * system property {@code zipkin.jar}) on 127.0.0.1, in-memory storage, every collector and
 * discovery that could reach elsewhere switched off. Stopped by PID.
 */
final class ZipkinServer implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;
  private final HttpClient client = HttpClient.newHttpClient();

  private ZipkinServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts Zipkin on 127.0.0.1:{@code port} and waits until it is healthy. */
  static ZipkinServer start(int port) throws Exception {
    String jar = System.getProperty("zipkin.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "system property zipkin.jar must name zipkin-server exec jar");
    }
    Path log = Path.of(jar).resolveSibling("zipkin-" + port + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar,
                "--armeria.ports[0].ip=127.0.0.1",
                "--armeria.ports[0].port=" + port,
                "--armeria.ports[0].protocols[0]=http")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment(port));
    ZipkinServer server = new ZipkinServer(builder.start(), port);
    try {
      server.awaitHealthy();
    } catch (Exception | Error e) {
      server.close();
      throw e;
    }
    return server;
  }

  // Loopback only: in-memory storage, no self-tracing, no broker collectors, no discovery.
  private static Map<String, String> environment(int port) {
    return Map.ofEntries(
        Map.entry("QUERY_PORT", Integer.toString(port)),
        Map.entry("STORAGE_TYPE", "mem"),
        Map.entry("SELF_TRACING_ENABLED", "false"),
        Map.entry("COLLECTOR_GRPC_ENABLED", "false"),
        Map.entry("COLLECTOR_SCRIBE_ENABLED", "false"),
        Map.entry("COLLECTOR_KAFKA_ENABLED", "false"),
        Map.entry("COLLECTOR_RABBITMQ_ENABLED", "false"),
        Map.entry("COLLECTOR_ACTIVEMQ_ENABLED", "false"),
        Map.entry("COLLECTOR_PULSAR_ENABLED", "false"),
        Map.entry("DISCOVERY_EUREKA_ENABLED", "false"),
        Map.entry("JAVA_TOOL_OPTIONS", ""));
  }

  private void awaitHealthy() throws Exception {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("zipkin exited with " + process.exitValue());
      }
      if (get("/health").statusCode() == 200) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("zipkin not healthy within " + STARTUP);
  }

  /** The collector endpoint, {@code /api/v2/spans}. */
  URI spansEndpoint() {
    return uri("/api/v2/spans");
  }

  /** Polls {@code /api/v2/trace/{id}} (at most ten seconds) until {@code done} holds. */
  JsonNode awaitTrace(String traceId, Predicate<JsonNode> done) throws Exception {
    JsonNode trace = JSON.createArrayNode();
    for (int i = 0; i < 40; i++) {
      Reply response = get("/api/v2/trace/" + traceId);
      trace = response.statusCode() == 200 ? JSON.readTree(response.body()) : trace;
      if (done.test(trace)) {
        return trace;
      }
      Thread.sleep(250);
    }
    return trace;
  }

  private record Reply(int statusCode, String body) {}

  private Reply get(String path) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Reply(-1, e.toString()); // not up yet
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Returns the ids of every span stored for {@code service} in the last hour. */
  Set<String> spanIds(String service) throws Exception {
    Reply reply = get("/api/v2/traces?serviceName=" + service + "&limit=1000000&lookback=3600000");
    Set<String> ids = new HashSet<>();
    if (reply.statusCode() == 200) {
      for (JsonNode trace : JSON.readTree(reply.body())) {
        trace.forEach(span -> ids.add(span.get("id").asText()));
      }
    }
    return ids;
  }

  /** Kills the server by its PID at once (SIGKILL), as a crash would. */
  void kill() throws InterruptedException {
    ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** Stops the server by its PID, forcibly after ten seconds. */
  @Override
  public void close() throws InterruptedException {
    ProcessHandle handle = ProcessHandle.of(process.pid()).orElse(null);
    if (handle == null) {
      return;
    }
    handle.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      handle.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}

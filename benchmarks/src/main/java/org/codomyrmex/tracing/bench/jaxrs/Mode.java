package org.codomyrmex.tracing.bench.jaxrs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One way of running the JAX-RS application: without tracing, with this library, with the
 * OpenTelemetry Java agent (exporting or not) or with SmallRye OpenTelemetry. Each runs in its own
 * JVM with only its own library on the class path.
 */
enum Mode {
  UNTRACED("untraced", "none", "-"),
  OURS(
      "ours",
      "ours",
      "OTLP/HTTP protobuf, uncompressed, to the loopback sink; batches of 512"
          + " (tracing.exporter.otlp.protocol=http/protobuf, tracing.exporter.compression=none)"),
  OURS_JSON(
      "ours-json",
      "ours",
      "OTLP/HTTP JSON, gzip (the library's defaults), to the loopback sink; batches of 512"),
  OURS_NO_EXPORT("ours-noexport", "ours", "none (tracing.exporter=none)"),
  AGENT("otel-agent", "otel", "OTLP/HTTP protobuf to the loopback sink"),
  AGENT_NO_EXPORT("otel-agent-noexport", "otel", "none (otel.traces.exporter=none)"),
  SMALLRYE("smallrye", "otel", "OTLP/HTTP protobuf to the loopback sink");

  private static final String SERVER_CLASS = "org.codomyrmex.tracing.bench.jaxrs.app.HelloServer";
  // jars of lib/ that belong to the JMH benchmarks or to a tracing library, not to the application
  private static final List<String> NOT_APPLICATION =
      List.of("tracing-", "opentelemetry-", "brave-", "zipkin", "jmh-", "jopt-", "commons-math");

  final String label;
  final String sink;
  private final String probe;

  Mode(String label, String probe, String sink) {
    this.label = label;
    this.probe = probe;
    this.sink = sink;
  }

  /** Whether the mode exports its spans to the sink, where they are counted. */
  boolean exports() {
    return this == OURS || this == OURS_JSON || this == AGENT || this == SMALLRYE;
  }

  /** Whether the mode is another library exporting its spans: what the target compares with. */
  boolean isExportingPeer() {
    return this == AGENT || this == SMALLRYE;
  }

  /** Whether the mode traces at all. */
  boolean traces() {
    return this != UNTRACED;
  }

  static Mode of(String label) {
    for (Mode mode : values()) {
      if (mode.label.equals(label)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("bench.modes: unknown mode " + label);
  }

  /** Where the jars are: the build's and peers/pom.xml's output directories. */
  record Layout(Path lib, Path app, Path smallrye, Path agent) {}

  /** Returns the command that starts this mode's server on {@code port}. */
  List<String> command(Layout layout, int port, String sinkEndpoint) throws IOException {
    List<String> command = new ArrayList<>(List.of("java", "-Xms512m", "-Xmx512m"));
    command.addAll(extraJvmOptions(label));
    List<Path> classPath = new ArrayList<>(List.of(layout.app()));
    classPath.addAll(
        jars(layout.lib(), name -> NOT_APPLICATION.stream().noneMatch(name::startsWith)));
    switch (this) {
      case UNTRACED -> {}
      case OURS, OURS_JSON, OURS_NO_EXPORT -> {
        classPath.addAll(jars(layout.lib(), name -> name.startsWith("tracing-")));
        command.add("-Dtracing.service-name=bench");
        command.add("-Dtracing.exporter=" + (this == OURS_NO_EXPORT ? "none" : "otlp"));
        // the default batch of 10 is one HTTP request per 10 spans: export like the peers instead
        command.add("-Dtracing.batch-size=512");
        command.add("-Dtracing.exporter.otlp.endpoint=" + sinkEndpoint + "/v1/traces");
        if (this == OURS) { // the cheapest sink: what the peers send by default
          command.add("-Dtracing.exporter.otlp.protocol=http/protobuf");
          command.add("-Dtracing.exporter.compression=none");
        }
      }
      case AGENT, AGENT_NO_EXPORT -> {
        classPath.addAll(jars(layout.agent(), name -> name.startsWith("opentelemetry-")));
        command.add("-javaagent:" + layout.agent().resolve("opentelemetry-javaagent.jar"));
        command.addAll(otel(this == AGENT ? "otlp" : "none", sinkEndpoint));
      }
      case SMALLRYE -> {
        classPath.addAll(jars(layout.smallrye(), name -> true));
        command.add("-Dotel.sdk.disabled=false");
        command.addAll(otel("otlp", sinkEndpoint));
      }
    }
    command.add("-Dbench.port=" + port);
    command.add("-Dbench.probe=" + probe);
    command.add("-cp");
    command.add(String.join(":", classPath.stream().map(Path::toString).toList()));
    command.add(SERVER_CLASS);
    return command;
  }

  // bench.server-args: JVM options for every server ({mode} is replaced by the mode's label),
  // e.g. "-XX:StartFlightRecording=filename=target/results/{mode}.jfr" to profile each mode.
  private static List<String> extraJvmOptions(String label) {
    String options = System.getProperty("bench.server-args", "").trim();
    if (options.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(options.split("\\s+")).map(o -> o.replace("{mode}", label)).toList();
  }

  private static List<String> otel(String exporter, String sinkEndpoint) {
    return List.of(
        "-Dotel.service.name=bench",
        "-Dotel.traces.exporter=" + exporter,
        "-Dotel.exporter.otlp.protocol=http/protobuf",
        "-Dotel.exporter.otlp.endpoint=" + sinkEndpoint,
        "-Dotel.metrics.exporter=none",
        "-Dotel.logs.exporter=none");
  }

  private static List<Path> jars(Path dir, Predicate<String> name) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".jar"))
          .filter(f -> name.test(f.getFileName().toString()))
          .sorted()
          .toList();
    }
  }
}

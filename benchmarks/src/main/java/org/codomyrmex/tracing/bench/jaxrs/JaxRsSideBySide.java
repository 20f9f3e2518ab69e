package org.codomyrmex.tracing.bench.jaxrs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JAX-RS request path side by side: the same trivial {@code GET /api/hello} on Weld SE and
 * RESTEasy's {@code SeBootstrap} (Undertow), untraced, with this library (exporting protobuf, with
 * its JSON defaults, and not exporting), with the OpenTelemetry Java agent (exporting and not) and
 * with SmallRye OpenTelemetry, each mode a fresh JVM loaded by {@code wrk} on 127.0.0.1, the modes
 * interleaved over rounds (their order rotated each round). Prints each run, then per mode the mean
 * and standard error of throughput, of its cost against the untraced run of the same round, and of
 * the server's CPU per request, with the proof that every request made one server span.
 *
 * <pre>{@code benchmarks/jaxrs-side-by-side.sh   # builds, fetches the peers, runs this}</pre>
 *
 * <p>Settings (system properties): {@code bench.rounds} (4), {@code bench.warmup} seconds (40),
 * {@code bench.measure} seconds (20), {@code bench.connections} (8), {@code bench.modes} (all, by
 * label), {@code bench.out} (log directory), and the jar locations {@code bench.lib}, {@code
 * bench.app}, {@code bench.smallrye}, {@code bench.agent}.
 */
public final class JaxRsSideBySide {
  private JaxRsSideBySide() {}

  /** One server JVM's measurement. */
  record Run(
      Mode mode,
      int round,
      double perSecond,
      double cpuMicros,
      long requests,
      long inSpan,
      OtlpSpanCounts exported,
      String errors) {

    /**
     * Whether every request the resource served ran in a span and, where the mode exports, made one
     * exported server span (wrk's timeouts and errors are printed apart).
     */
    boolean proven() {
      boolean traced = !mode.traces() || inSpan == requests;
      boolean exported = !mode.exports() || this.exported.serverSpans == requests;
      return traced && exported;
    }
  }

  /** Runs the rounds and prints the table. */
  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("bench.rounds", 4);
    int warmup = Integer.getInteger("bench.warmup", 40);
    int measure = Integer.getInteger("bench.measure", 20);
    int connections = Integer.getInteger("bench.connections", 8);
    List<Mode> modes = modes(System.getProperty("bench.modes"));
    Path out = Path.of(System.getProperty("bench.out", "target/results/jaxrs-side-by-side"));
    Files.createDirectories(out);
    Mode.Layout layout =
        new Mode.Layout(
            Path.of(System.getProperty("bench.lib", "target/lib")),
            Path.of(System.getProperty("bench.app", "target/benchmarks-app.jar")),
            Path.of(System.getProperty("bench.smallrye", "peers/target/smallrye")),
            Path.of(System.getProperty("bench.agent", "peers/target/agent")));
    System.out.printf(
        "wrk -t1 -c%d, %d s warm-up, %d s measured, %d rounds, modes %s%n",
        connections, warmup, measure, rounds, modes);
    List<Run> runs = new ArrayList<>();
    try (SpanSink sink = new SpanSink()) {
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < modes.size(); i++) {
          Mode mode = modes.get((i + round) % modes.size());
          Path log = out.resolve(mode.label + "-" + round + ".log");
          Run run = measure(mode, round, layout, sink, log, connections, warmup, measure);
          runs.add(run);
          print(run);
        }
      }
    }
    SideBySideTable.print(runs, modes, System.out);
  }

  private static Run measure(
      Mode mode,
      int round,
      Mode.Layout layout,
      SpanSink sink,
      Path log,
      int connections,
      int warmup,
      int measure)
      throws Exception {
    sink.take();
    try (ServerProcess server = ServerProcess.start(mode, layout, sink.endpoint(), log)) {
      String url = "http://127.0.0.1:" + server.port + "/api/hello";
      Wrk.Result warm = Wrk.run(url, connections, warmup);
      long cpuBefore = server.cpuNanos();
      Wrk.Result result = Wrk.run(url, connections, measure);
      long cpu = server.cpuNanos() - cpuBefore;
      long[] counts = server.stop();
      String errors = (warm.errors() + " " + result.errors()).trim();
      return new Run(
          mode,
          round,
          result.perSecond(),
          cpu / 1000.0 / result.requests(),
          counts[0],
          counts[1],
          sink.take(),
          errors);
    }
  }

  private static void print(Run run) {
    System.out.printf(
        "round %d %-20s %9.0f req/s %7.1f us CPU/req  requests %d, in a span %d,"
            + " exported spans %d (server %d)%s%s%n",
        run.round,
        run.mode.label,
        run.perSecond,
        run.cpuMicros,
        run.requests,
        run.inSpan,
        run.exported.spans,
        run.exported.serverSpans,
        run.errors.isEmpty() ? "" : "  wrk: " + run.errors,
        verdict(run));
  }

  private static String verdict(Run run) {
    if (run.proven()) {
      return "";
    }
    if (run.mode.traces() && run.inSpan == run.requests) {
      long lost = run.requests - run.exported.serverSpans;
      return "  a span per request, but " + lost + " of them not exported";
    }
    return "  NOT ONE SPAN PER REQUEST";
  }

  private static List<Mode> modes(String labels) {
    if (labels == null || labels.isBlank()) {
      return List.of(Mode.values());
    }
    List<Mode> modes = Arrays.stream(labels.split(",")).map(String::trim).map(Mode::of).toList();
    if (!modes.contains(Mode.UNTRACED)) {
      throw new IllegalArgumentException("bench.modes: untraced is the baseline, keep it");
    }
    return modes;
  }
}

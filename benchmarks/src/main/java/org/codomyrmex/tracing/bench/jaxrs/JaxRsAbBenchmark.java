package org.codomyrmex.tracing.bench.jaxrs;

import jakarta.enterprise.inject.spi.CDI;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.bench.cdi.CountingExporterBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A diagnostic, not a measure of the cost of tracing: traced and skipped requests interleaved on
 * one server with tracing enabled and {@code tracing.jaxrs.skip-pattern=.*&#47;untraced}. Each
 * benchmark thread sends, over one keep-alive connection (one server I/O thread for both), a {@code
 * GET /api/hello} (a SERVER span) and a {@code GET /api/hello/untraced} (skipped), in alternating
 * order, and adds each one's latency to {@code tracedNanos} and {@code untracedNanos}; with {@code
 * tracingEnabled=false} (the control) their ratio is 1. The ratio shows only what a traced request
 * costs before its response is on the wire: work done after that is paid by whichever request the
 * server thread serves next. The cost in throughput is measured by {@link JaxRsBenchmark} with the
 * forks alternated ({@code run-benchmarks.sh jaxrs-alt}).
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar JaxRsAbBenchmark}</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(2)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 10, time = 3)
public class JaxRsAbBenchmark {
  private static final String TRACED = "/api/hello";
  private static final String SKIPPED = "/api/hello/untraced";

  /** The server, started on 127.0.0.1 at a free port. */
  @State(Scope.Benchmark)
  public static class Server {
    /** {@code false} is the control: both paths untraced, the ratio shows any bias of the setup. */
    @Param({"true", "false"})
    public String tracingEnabled;

    final LoopbackServer server = new LoopbackServer();

    @Setup
    public void start() throws Exception {
      System.setProperty("tracing.enabled", tracingEnabled);
      System.setProperty("tracing.jaxrs.skip-pattern", ".*/untraced");
      server.start();
    }

    @TearDown
    public void stop() throws Exception {
      CountingExporterBean sink = CDI.current().select(CountingExporterBean.class).get();
      Tracers.shutdownAll(); // flushes every tracer: each traced request's span reached the sink
      System.out.printf(
          "%n[jaxrs a/b] traced requests %d, untraced requests %d, spans exported %d%n",
          server.requests(TRACED), server.requests(SKIPPED), sink.count());
      server.stop();
    }
  }

  /** One connection per thread and the latency sums of this iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Pair {
    public long tracedNanos;
    public long untracedNanos;
    // one connection for both paths: the same server I/O thread serves both
    private LoopbackHttpClient client;
    private boolean tracedFirst;

    @Setup
    public void open(Server server) throws IOException {
      client = server.server.connect(TRACED, SKIPPED);
    }

    @TearDown
    public void close() throws IOException {
      client.close();
    }

    int timeTraced() throws IOException {
      long start = System.nanoTime();
      int length = client.get(0);
      tracedNanos += System.nanoTime() - start;
      return length;
    }

    int timeUntraced() throws IOException {
      long start = System.nanoTime();
      int length = client.get(1);
      untracedNanos += System.nanoTime() - start;
      return length;
    }
  }

  /** One traced and one untraced request, in alternating order. */
  @Benchmark
  public int pair(Pair pair) throws IOException {
    pair.tracedFirst = !pair.tracedFirst;
    if (pair.tracedFirst) {
      return pair.timeTraced() + pair.timeUntraced();
    }
    return pair.timeUntraced() + pair.timeTraced();
  }
}

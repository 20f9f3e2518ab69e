package org.codomyrmex.tracing.bench.jaxrs;

import jakarta.enterprise.inject.spi.CDI;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.bench.cdi.CountingExporterBean;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tracing on and off at the same time, so that both see the same machine load: one server with
 * tracing enabled and {@code tracing.jaxrs.skip-pattern=.*&#47;untraced}; one benchmark thread
 * requests {@code /api/hello} (a SERVER span each), the other {@code /api/hello/untraced} (the
 * filter runs, finds the path skipped, records nothing). The throughputs of the two methods of the
 * group compare directly. The skipped path still pays the filter's path check, so the difference
 * slightly understates the full cost of tracing; {@link JaxRsBenchmark} compares with {@code
 * tracing.enabled=false} in separate forks.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar JaxRsAbBenchmark -prof gc}</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 10, time = 3)
public class JaxRsAbBenchmark {
  private static final String TRACED = "/api/hello";
  private static final String SKIPPED = "/api/hello/untraced";

  /** The server, started on 127.0.0.1 at a free port, and the traced request count. */
  @State(Scope.Group)
  public static class Server {
    final LoopbackServer server = new LoopbackServer();

    @Setup
    public void start() throws Exception {
      System.setProperty("tracing.enabled", "true");
      System.setProperty("tracing.jaxrs.skip-pattern", ".*/untraced");
      server.start();
    }

    @TearDown
    public void stop() throws Exception {
      CountingExporterBean sink = CDI.current().select(CountingExporterBean.class).get();
      Tracers.shutdownAll(); // flushes every tracer: each traced request's span reached the sink
      System.out.printf(
          "%n[jaxrs a/b] traced requests %d, spans exported %d%n",
          server.requests(TRACED), sink.count());
      server.stop();
    }
  }

  /** The connection of the thread that sends traced requests. */
  @State(Scope.Thread)
  public static class Traced {
    LoopbackHttpClient client;

    @Setup
    public void open(Server server) throws IOException {
      client = server.server.connect(TRACED);
    }

    @TearDown
    public void close() throws IOException {
      client.close();
    }
  }

  /** The connection of the thread that sends requests to the skipped path. */
  @State(Scope.Thread)
  public static class Skipped {
    LoopbackHttpClient client;

    @Setup
    public void open(Server server) throws IOException {
      client = server.server.connect(SKIPPED);
    }

    @TearDown
    public void close() throws IOException {
      client.close();
    }
  }

  @Benchmark
  @Group("ab")
  @GroupThreads(1)
  public int traced(Traced traced) throws IOException {
    return traced.client.get();
  }

  @Benchmark
  @Group("ab")
  @GroupThreads(1)
  public int untraced(Skipped skipped) throws IOException {
    return skipped.client.get();
  }
}

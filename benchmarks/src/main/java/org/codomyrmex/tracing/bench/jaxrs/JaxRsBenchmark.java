package org.codomyrmex.tracing.bench.jaxrs;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * A trivial {@code GET /api/hello} on loopback, RESTEasy {@code SeBootstrap} on Undertow with Weld
 * SE, with tracing on ({@code tracing.enabled=true}, the filters discovered from the {@code
 * tracing-jaxrs} jar, spans exported to a counting exporter bean) and off ({@code
 * tracing.enabled=false}), each in its own fork of the same run. Load: one keep-alive connection
 * per benchmark thread, bounded by the iteration time.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar JaxRsBenchmark -prof gc}</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(2)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class JaxRsBenchmark {
  private static final String PATH = "/api/hello";

  /** The server, started on 127.0.0.1 at a free port. */
  @State(Scope.Benchmark)
  public static class Server {
    /** Value of {@code tracing.enabled} in this fork. */
    @Param({"false", "true"})
    public String tracingEnabled;

    /** The embedded server: {@code undertow} or {@code netty}. */
    @Param({"undertow"})
    public String runtime;

    final LoopbackServer server = new LoopbackServer();
    private CpuPerRequest cpu;

    @Setup
    public void start() throws Exception {
      System.setProperty("tracing.enabled", tracingEnabled);
      server.start(runtime);
      cpu = new CpuPerRequest(server.requestThreads());
    }

    @Setup(Level.Iteration)
    public void beginIteration() {
      cpu.begin(server.requests(PATH));
    }

    @TearDown(Level.Iteration)
    public void endIteration(IterationParams iteration) {
      if (iteration.getType() == IterationType.MEASUREMENT) {
        cpu.end(server.requests(PATH));
      }
    }

    @TearDown
    public void stop() throws Exception {
      System.out.printf(
          "%n[jaxrs %s tracing.enabled=%s] requests %d, spans exported %d%n",
          runtime, tracingEnabled, server.requests(PATH), server.exportedSpans());
      System.out.println(cpu.report());
      System.out.println(cpu.groupReport());
      server.stop();
    }
  }

  /** One keep-alive connection per benchmark thread. */
  @State(Scope.Thread)
  public static class Connection {
    LoopbackHttpClient client;

    @Setup
    public void open(Server server) throws IOException {
      client = server.server.connect(PATH);
    }

    @TearDown
    public void close() throws IOException {
      client.close();
    }
  }

  @Benchmark
  public int get(Connection connection) throws IOException {
    return connection.client.get();
  }
}

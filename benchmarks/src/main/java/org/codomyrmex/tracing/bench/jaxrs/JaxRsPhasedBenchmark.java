package org.codomyrmex.tracing.bench.jaxrs;

import jakarta.enterprise.inject.spi.CDI;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.proxy.WeldClientProxy;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * The cost of tracing in throughput, measured in one JVM: one server with tracing enabled and
 * {@code tracing.jaxrs.skip-pattern=.*}{@code /untraced}, loaded in 2 s iterations that alternate
 * in ABBA order between the skipped path ({@link UntracedHelloResource}: the same bean, not
 * intercepted) and the traced one ({@link HelloResource}), so that JIT state, GC and machine noise
 * are shared by both. Secondary results {@code untraced} and {@code traced} are requests per second
 * averaged over all iterations (each is zero in the other's iterations); their ratio is the
 * throughput ratio. The JVM-level comparison is {@link JaxRsBenchmark}. With {@code -p
 * tracedPath=/api/untraced} both phases load the skipped path: the A/A control, whose ratio shows
 * the method's own bias. With {@code -jvmArgsAppend -Dbench.skip=.*}{@code /(untraced|hello)} the
 * traced path is skipped too and keeps only Weld's interception: the share of that alone. With
 * {@code -p tracedPath=/api/untraced/busy -jvmArgsAppend -Dbench.busy-tokens=N} the second phase is
 * untraced too but does N tokens of CPU work in the resource: what a known amount of the
 * application's own work costs in this measure, to compare tracing's cost with. {@code -p
 * runtime=netty} serves the same application on RESTEasy's Netty server instead of Undertow. With
 * {@code -Dbench.phase-profiles=DIR} each measured iteration is CPU-profiled into its phase's file
 * ({@link PhaseProfiles}, {@code benchmarks/jaxrs-phase-profile.sh}).
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar JaxRsPhasedBenchmark}</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(2)
@Warmup(iterations = 16, time = 2)
@Measurement(iterations = 24, time = 2)
public class JaxRsPhasedBenchmark {
  private static final String TRACED = "/api/hello";
  private static final String SKIPPED = "/api/untraced";

  /** The server, on 127.0.0.1 at a free port, and which path this iteration loads. */
  @State(Scope.Benchmark)
  public static class Server {
    final LoopbackServer server = new LoopbackServer();

    /** The path of the traced phase; the skipped path makes this an A/A control. */
    @Param({TRACED})
    public String tracedPath;

    /** The embedded server: {@code undertow} or {@code netty} (see {@link LoopbackServer}). */
    @Param({"undertow"})
    public String runtime;

    private int iteration = -1;
    boolean tracedPhase;
    private CpuPerRequest tracedCpu;
    private CpuPerRequest untracedCpu;
    private final PhaseProfiles profiles = PhaseProfiles.fromProperties();
    private long phaseStartRequests;

    @Setup
    public void start() throws Exception {
      System.setProperty("tracing.enabled", "true");
      System.setProperty(
          "tracing.jaxrs.skip-pattern", System.getProperty("bench.skip", ".*/untraced(/busy)?"));
      server.start(runtime);
      if (!intercepted(HelloResource.class) || intercepted(UntracedHelloResource.class)) {
        throw new IllegalStateException("only the traced resource may be intercepted");
      }
      tracedCpu = new CpuPerRequest(server.requestThreads());
      untracedCpu = new CpuPerRequest(server.requestThreads());
    }

    // Weld makes a subclass of a bean's class only to intercept it.
    private static boolean intercepted(Class<?> type) {
      Object proxy = CDI.current().select(type).get();
      return ((WeldClientProxy) proxy).getMetadata().getContextualInstance().getClass() != type;
    }

    // untraced, traced, traced, untraced, ...: a linear drift (JIT, heap) favours neither
    @Setup(Level.Iteration)
    public void nextPhase(IterationParams params) {
      iteration++;
      tracedPhase = ((iteration + 1) >> 1 & 1) == 1;
      phaseStartRequests = server.requests(phasePath());
      phaseCpu().begin(phaseStartRequests);
      if (profiles != null && params.getType() == IterationType.MEASUREMENT) {
        profiles.start();
      }
    }

    @TearDown(Level.Iteration)
    public void endPhase(IterationParams params) {
      if (params.getType() == IterationType.MEASUREMENT) {
        long requests = server.requests(phasePath());
        phaseCpu().end(requests);
        if (profiles != null) {
          profiles.stop(tracedPhase ? "traced" : "untraced", requests - phaseStartRequests);
        }
      }
    }

    String phasePath() {
      return tracedPhase ? tracedPath : SKIPPED;
    }

    private CpuPerRequest phaseCpu() {
      return tracedPhase ? tracedCpu : untracedCpu;
    }

    @TearDown
    public void stop() throws Exception {
      System.out.printf(
          "%n[jaxrs phased] untraced requests %d, traced requests %d, spans exported %d%n",
          server.requests(SKIPPED), server.requests(tracedPath), server.exportedSpans());
      System.out.println("untraced " + untracedCpu.report());
      System.out.println("traced " + tracedCpu.report());
      System.out.println("untraced " + untracedCpu.groupReport());
      System.out.println("traced " + tracedCpu.groupReport());
      server.stop();
    }
  }

  /** One keep-alive connection per thread for this iteration's path, and its request counts. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Connection {
    public long untraced;
    public long traced;
    private LoopbackHttpClient client;
    private boolean tracedPhase;

    @Setup(Level.Iteration)
    public void open(Server server) throws IOException {
      untraced = 0;
      traced = 0;
      tracedPhase = server.tracedPhase;
      client = server.server.connect(server.phasePath());
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
      client.close();
    }
  }

  @Benchmark
  public int get(Connection connection) throws IOException {
    int length = connection.client.get();
    if (connection.tracedPhase) {
      connection.traced++;
    } else {
      connection.untraced++;
    }
    return length;
  }
}

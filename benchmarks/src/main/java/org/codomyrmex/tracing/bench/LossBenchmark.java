package org.codomyrmex.tracing.bench;

import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Span loss at full speed: one producer creates "full" spans as fast as it can for 10 seconds
 * against a fresh tracer with default export settings (ours: batch 10, queue 2048, 1000 ms;
 * OpenTelemetry: its BatchSpanProcessor defaults) and a counting sink. After the iteration the
 * pipeline is flushed and the counters {@code produced}, {@code exported} and {@code dropped} (=
 * produced - exported) are reported as secondary results, with, for ours, how long the export
 * worker thread ran ({@code workerRunMs}) and how long it waited runnable for a CPU ({@code
 * workerWaitMs}, Linux only): the spans it drops are produced while the worker is off-CPU.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar LossBenchmark}</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 0)
@Measurement(iterations = 1, time = 10)
public class LossBenchmark {

  /** This library's tracer and counters. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class OursLoss {
    public long produced;
    public long exported;
    public long dropped;
    public long droppedCounted;
    public long workerRunMs;
    public long workerWaitMs;
    private CountingExporter sink;
    Tracer tracer;

    @Setup(Level.Iteration)
    public void start() {
      produced = 0;
      sink = new CountingExporter();
      tracer = Tracer.create("loss", sink);
    }

    @TearDown(Level.Iteration)
    public void stop() {
      tracer.flush();
      exported = sink.count();
      dropped = produced - exported;
      droppedCounted = tracer.droppedSpans();
      ThreadSchedule worker = ThreadSchedule.of("codomyrmex-tracing-export-loss");
      workerRunMs = worker.runMillis;
      workerWaitMs = worker.waitMillis;
      tracer.shutdown();
      Report.print("ours: produced " + produced, exported, droppedCounted);
    }
  }

  /** OpenTelemetry's provider and counters. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class OtelLoss {
    public long produced;
    public long exported;
    public long dropped;
    private OtelCountingExporter sink;
    private SdkTracerProvider provider;
    io.opentelemetry.api.trace.Tracer tracer;

    @Setup(Level.Iteration)
    public void start() {
      produced = 0;
      sink = new OtelCountingExporter();
      provider = Peers.otel(sink);
      tracer = provider.get("loss");
    }

    @TearDown(Level.Iteration)
    public void stop() {
      Peers.close(provider);
      exported = sink.count();
      dropped = produced - exported;
      Report.print("otel: produced " + produced, exported, dropped);
    }
  }

  @Benchmark
  public Span ours(OursLoss loss) {
    loss.produced++;
    return Work.full(loss.tracer);
  }

  @Benchmark
  public io.opentelemetry.api.trace.Span otel(OtelLoss loss) {
    loss.produced++;
    return Work.full(loss.tracer);
  }
}

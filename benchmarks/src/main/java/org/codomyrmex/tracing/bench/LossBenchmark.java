package org.codomyrmex.tracing.bench;

import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Span loss with the default export settings (ours: batch 10, queue 2048, 1000 ms; OpenTelemetry:
 * its BatchSpanProcessor defaults) and a counting sink: the benchmark threads create "full" spans
 * for 10 seconds at a paced total rate ({@code rate} spans/s shared by the threads; the threads
 * sleep between bursts, as an application's do) or, with {@code rate=0}, as fast as they can. After
 * the measured iteration the pipeline is flushed and one line is printed: {@code [loss] ours
 * rate=100000 threads=2 produced=... exported=... dropped=...} (dropped = produced - exported), for
 * ours also its own count and how long the export worker ran and waited runnable for a CPU.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar LossBenchmark -t 2}</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 1, time = 10)
@State(Scope.Benchmark)
public class LossBenchmark {

  /** The total rate of span creation in spans per second; 0 for as fast as possible. */
  @Param({"100000", "1000000", "0"})
  public int rate;

  /** Spans produced, shared by the benchmark threads. */
  abstract static class Production {
    final LongAdder produced = new LongAdder();

    void report(String library, long exported, String extra, BenchmarkParams benchmark) {
      long made = produced.sum();
      System.out.printf(
          "%n[loss] %s rate=%s threads=%d produced=%d exported=%d dropped=%d%s%n",
          library,
          benchmark.getParam("rate"),
          benchmark.getThreads(),
          made,
          exported,
          made - exported,
          extra);
    }
  }

  /** This library's tracer, fresh each iteration. */
  @State(Scope.Benchmark)
  public static class OursLoss extends Production {
    private CountingExporter sink;
    Tracer tracer;

    @Setup(Level.Iteration)
    public void start() {
      produced.reset();
      sink = new CountingExporter();
      tracer = Tracer.create("loss", sink);
    }

    @TearDown(Level.Iteration)
    public void stop(BenchmarkParams benchmark, IterationParams iteration) {
      tracer.flush();
      ThreadSchedule worker = ThreadSchedule.of("codomyrmex-tracing-export-loss");
      if (iteration.getType() == IterationType.MEASUREMENT) {
        String extra =
            String.format(
                " droppedCounted=%d workerRunMs=%d workerWaitMs=%d",
                tracer.droppedSpans(), worker.runMillis, worker.waitMillis);
        report("ours", sink.count(), extra, benchmark);
      }
      tracer.shutdown();
    }
  }

  /** OpenTelemetry's provider, fresh each iteration. */
  @State(Scope.Benchmark)
  public static class OtelLoss extends Production {
    private OtelCountingExporter sink;
    private SdkTracerProvider provider;
    io.opentelemetry.api.trace.Tracer tracer;

    @Setup(Level.Iteration)
    public void start() {
      produced.reset();
      sink = new OtelCountingExporter();
      provider = Peers.otel(sink);
      tracer = provider.get("loss");
    }

    @TearDown(Level.Iteration)
    public void stop(BenchmarkParams benchmark, IterationParams iteration) {
      Peers.close(provider);
      if (iteration.getType() == IterationType.MEASUREMENT) {
        report("otel", sink.count(), "", benchmark);
      }
    }
  }

  /** One thread's schedule: its share of the rate, in bursts between sleeps. */
  @State(Scope.Thread)
  public static class Pace {
    private static final long MAX_LAG_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private long intervalNanos;
    private long next;

    @Setup(Level.Iteration)
    public void start(LossBenchmark benchmark, BenchmarkParams params) {
      intervalNanos =
          benchmark.rate == 0 ? 0 : 1_000_000_000L * params.getThreads() / benchmark.rate;
      next = System.nanoTime();
    }

    /** Returns when the next span is due: at once when behind, after a sleep when ahead. */
    void await() {
      if (intervalNanos == 0) {
        return;
      }
      long now = System.nanoTime();
      if (next > now) {
        LockSupport.parkNanos(next - now);
      } else if (now - next > MAX_LAG_NANOS) {
        next = now; // late by more than a millisecond (descheduled): do not burst to catch up
      }
      next += intervalNanos;
    }
  }

  @Benchmark
  public Span ours(OursLoss loss, Pace pace) {
    pace.await();
    loss.produced.increment();
    return Work.full(loss.tracer);
  }

  @Benchmark
  public io.opentelemetry.api.trace.Span otel(OtelLoss loss, Pace pace) {
    pace.await();
    loss.produced.increment();
    return Work.full(loss.tracer);
  }
}

package org.codomyrmex.tracing.bench;

import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.Sampler;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.Tracer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What sampling costs and saves, one tracer per sampler, in one run.
 *
 * <p>{@code full}: a root span made current, two attributes, one event, closed (as {@code
 * CoreTracerBenchmark.full_ours}); with {@code never} it is an unrecorded root span. {@code root}:
 * a root span started and finished, nothing else: {@code always} against {@code ratio-1.0} and
 * {@code rate-limited-max} (both record every trace) prices the decision itself. {@code
 * rate-limited-100} refuses nearly every root: run it with {@code -t 1} and {@code -t 2} for
 * contention.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar SamplingBenchmark -f 3 -prof gc
 * java -jar benchmarks/target/benchmarks.jar 'SamplingBenchmark.root' -p sampler=rate-limited-100 -t 2
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SamplingBenchmark {

  /** A tracer with the named sampler, exporting to a counting sink. */
  @State(org.openjdk.jmh.annotations.Scope.Benchmark)
  public static class Sampled {
    @Param({"always", "never", "ratio-1.0", "rate-limited-max", "rate-limited-100"})
    public String sampler;

    final CountingExporter sink = new CountingExporter();
    Tracer tracer;
    Sampler decider;

    @Setup
    public void setUp() {
      decider = sampler(sampler);
      tracer = Tracer.create("bench-" + sampler, sink, decider);
    }

    private static Sampler sampler(String name) {
      return switch (name) {
        case "always" -> Sampler.always();
        case "never" -> Sampler.never();
        case "ratio-1.0" -> Sampler.ratio(1.0);
        case "rate-limited-max" -> Sampler.rateLimited(Integer.MAX_VALUE);
        case "rate-limited-100" -> Sampler.rateLimited(100);
        default -> throw new IllegalArgumentException(name);
      };
    }

    @TearDown
    public void tearDown() {
      tracer.flush();
      Report.print(sampler, sink.count(), tracer.droppedSpans());
      tracer.shutdown();
    }
  }

  @Benchmark
  public Span full(Sampled sampled) {
    return Work.full(sampled.tracer);
  }

  /** The decision alone, on a new random trace id each call (the ids cost the same for all). */
  @Benchmark
  public boolean decide(Sampled sampled, Ids ids) {
    long low = ids.next();
    return sampled.decider.shouldSample(low * 31, low, "op", SpanKind.SERVER, System.nanoTime());
  }

  /** A cheap per-thread id sequence: an xorshift, so the decision sees varied ids. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class Ids {
    private long state = 0x9E3779B97F4A7C15L;

    long next() {
      state ^= state << 13;
      state ^= state >>> 7;
      state ^= state << 17;
      return state;
    }
  }

  @Benchmark
  public Span root(Sampled sampled) {
    Span span = sampled.tracer.startSpan("op");
    span.finish();
    return span;
  }
}

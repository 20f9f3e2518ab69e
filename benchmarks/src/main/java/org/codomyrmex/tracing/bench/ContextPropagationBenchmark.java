package org.codomyrmex.tracing.bench;

import jakarta.enterprise.concurrent.spi.ThreadContextProvider;
import jakarta.enterprise.concurrent.spi.ThreadContextRestorer;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.Scope;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.concurrent.TracingThreadContextProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the {@code Tracing} thread context costs a task, against what making a span current and
 * closing its scope costs, in the same run: {@code captureBeginEnd} is one task's whole share (the
 * runtime captures on the submitting thread, begins and ends on the worker); {@code
 * captureWithNoSpan} must allocate nothing ({@code -prof gc}).
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar ContextPropagationBenchmark -f 2 -prof gc}
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ContextPropagationBenchmark {
  private static final Map<String, String> NO_PROPERTIES = Map.of();

  /** A tracer, a span current on this thread (the submitter's), another span, the provider. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class Submitter {
    final ThreadContextProvider provider = new TracingThreadContextProvider();
    Tracer tracer;
    Span other;
    // The snapshot of a span that is not current here: begin makes a real change of span.
    ThreadContextSnapshot otherSnapshot;
    private Scope parentScope;

    @Setup(Level.Trial)
    public void start() {
      tracer = Tracer.create("context-bench", new CountingExporter());
      other = tracer.startSpan("other");
      try (Scope ignored = other.makeCurrent()) {
        otherSnapshot = provider.currentContext(NO_PROPERTIES);
      }
      parentScope = tracer.startSpan("parent").makeCurrent();
    }

    @TearDown(Level.Trial)
    public void stop() {
      parentScope.close();
      tracer.shutdown();
    }
  }

  /** Baseline: the scope of a span made current and closed (current: parent, other, parent). */
  @Benchmark
  public Scope makeCurrentAndClose(Submitter state) {
    Scope scope = state.other.makeCurrent();
    scope.close();
    return scope;
  }

  /** One task's whole share: capture, begin, end (the captured span is the current one). */
  @Benchmark
  public ThreadContextRestorer captureBeginEnd(Submitter state) {
    ThreadContextRestorer restorer = state.provider.currentContext(NO_PROPERTIES).begin();
    restorer.endContext();
    return restorer;
  }

  /** Begin and end of a context captured elsewhere (current: parent, other, parent). */
  @Benchmark
  public ThreadContextRestorer beginEndOfAnotherSpan(Submitter state) {
    ThreadContextRestorer restorer = state.otherSnapshot.begin();
    restorer.endContext();
    return restorer;
  }

  /** Capturing alone, with a span current. */
  @Benchmark
  public ThreadContextSnapshot capture(Submitter state) {
    return state.provider.currentContext(NO_PROPERTIES);
  }

  /** A thread with no current span. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class Idle {
    final ThreadContextProvider provider = new TracingThreadContextProvider();

    @Setup(Level.Trial)
    public void start() {
      Tracers.clearCurrent();
    }
  }

  /** Capturing with no current span: the shared cleared snapshot, no allocation. */
  @Benchmark
  public ThreadContextSnapshot captureWithNoSpan(Idle state) {
    return state.provider.currentContext(NO_PROPERTIES);
  }
}

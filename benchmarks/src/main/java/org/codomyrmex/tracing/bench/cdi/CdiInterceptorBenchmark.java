package org.codomyrmex.tracing.bench.cdi;

import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.Scope;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;
import org.codomyrmex.tracing.Tracers;
import org.codomyrmex.tracing.cdi.TracingExtension;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of {@code @Traced} on Weld SE: the same {@code @ApplicationScoped} bean method called
 * plainly, through an empty interceptor, and through {@code @Traced} (a child of a live current
 * span, exported to a counting {@code SpanExporter} bean), next to the bare child-span cost.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar CdiInterceptorBenchmark -prof gc}</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CdiInterceptorBenchmark {
  private static final String NAMESPACE = TracedService.class.getName();

  /** A Weld SE container with the tracing extension, and a parent span current on this thread. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class Container {
    WeldContainer weld;
    PlainService plain;
    EmptyInterceptedService empty;
    TracedService traced;
    Tracer tracer;
    private Span parent;
    private Scope scope;
    int input = 42;

    @Setup
    public void start() {
      weld =
          new Weld("cdi-bench")
              .disableDiscovery()
              .addExtension(new TracingExtension())
              .addBeanClasses(
                  PlainService.class,
                  EmptyInterceptedService.class,
                  EmptyInterceptor.class,
                  TracedService.class,
                  CountingExporterBean.class)
              .initialize();
      plain = weld.select(PlainService.class).get();
      empty = weld.select(EmptyInterceptedService.class).get();
      traced = weld.select(TracedService.class).get();
      tracer = Tracers.defaultTracer();
      parent = tracer.startSpan("parent");
      scope = parent.makeCurrent();
    }

    @TearDown
    public void stop() {
      scope.close();
      parent.finish();
      tracer.flush();
      long exported = weld.select(CountingExporterBean.class).get().count();
      System.out.printf("%n[cdi] exported %d, dropped %d%n", exported, tracer.droppedSpans());
      weld.shutdown();
    }
  }

  @Benchmark
  public int plain(Container c) {
    return c.plain.work(c.input);
  }

  @Benchmark
  public int emptyInterceptor(Container c) {
    return c.empty.work(c.input);
  }

  @Benchmark
  public int traced(Container c) {
    return c.traced.work(c.input);
  }

  /** The child span {@code @Traced} records (same name and attributes), not made current. */
  @Benchmark
  public Span childSpan(Container c) {
    Span span = c.tracer.startSpan("TracedService.work");
    span.setAttribute("code.namespace", NAMESPACE);
    span.setAttribute("code.function", "work");
    span.finish();
    return span;
  }

  /** The same child span made current for the duration of the call, as an interceptor must. */
  @Benchmark
  public Span childSpanCurrent(Container c) {
    try (Span span = c.tracer.span("TracedService.work")) {
      span.setAttribute("code.namespace", NAMESPACE);
      span.setAttribute("code.function", "work");
      return span;
    }
  }
}

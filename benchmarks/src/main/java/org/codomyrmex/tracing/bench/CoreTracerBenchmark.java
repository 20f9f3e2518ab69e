package org.codomyrmex.tracing.bench;

import static org.codomyrmex.tracing.bench.Peers.EVENT;
import static org.codomyrmex.tracing.bench.Peers.METHOD;
import static org.codomyrmex.tracing.bench.Peers.METHOD_KEY;
import static org.codomyrmex.tracing.bench.Peers.OTEL_METHOD;
import static org.codomyrmex.tracing.bench.Peers.OTEL_STATUS;
import static org.codomyrmex.tracing.bench.Peers.STATUS;
import static org.codomyrmex.tracing.bench.Peers.STATUS_KEY;
import static org.codomyrmex.tracing.bench.Peers.STATUS_TEXT;

import brave.ScopedSpan;
import brave.Tracing;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.Scope;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.SpanContext;
import org.codomyrmex.tracing.SpanKind;
import org.codomyrmex.tracing.Tracer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The core tracer against OpenTelemetry, Brave and the ideal-recorder floor, in one run.
 *
 * <p>{@code full_*}: a root span made current, two attributes (a string and a long), one event,
 * closed. {@code child_*}: a child of a live local parent with the same two attributes, not made
 * current. {@code server_ours}: what the JAX-RS server filter asks of the core per request (a root
 * SERVER span, nine attributes, made current, its trace id read); {@code serverAttributes_ours}:
 * only its start and first eight attributes, nothing exported. Tracers are shared by all benchmark
 * threads (run with {@code -t 2} for contention).
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar CoreTracerBenchmark -prof gc}</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CoreTracerBenchmark {

  /** This library, exporting to a counting sink with the default pipeline settings. */
  @State(org.openjdk.jmh.annotations.Scope.Benchmark)
  public static class Ours {
    final CountingExporter sink = new CountingExporter();
    Tracer tracer;

    @Setup
    public void setUp() {
      tracer = Tracer.create("bench", sink);
    }

    @TearDown
    public void tearDown() {
      tracer.flush();
      Report.print("ours", sink.count(), tracer.droppedSpans());
      tracer.shutdown();
    }
  }

  /** A live parent per benchmark thread, passed explicitly as a context. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class OursParent {
    Span parent;
    SpanContext context;

    @Setup
    public void setUp(Ours ours) {
      parent = ours.tracer.startSpan("parent");
      context = parent.context();
    }

    @TearDown
    public void tearDown() {
      parent.finish();
    }
  }

  /** A live parent per benchmark thread, made current on that thread. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class OursCurrentParent {
    Span parent;
    Scope scope;

    @Setup
    public void setUp(Ours ours) {
      parent = ours.tracer.startSpan("parent");
      scope = parent.makeCurrent();
    }

    @TearDown
    public void tearDown() {
      scope.close();
      parent.finish();
    }
  }

  /** OpenTelemetry SDK, BatchSpanProcessor with default settings, counting exporter. */
  @State(org.openjdk.jmh.annotations.Scope.Benchmark)
  public static class Otel {
    final OtelCountingExporter sink = new OtelCountingExporter();
    SdkTracerProvider provider;
    io.opentelemetry.api.trace.Tracer tracer;

    @Setup
    public void setUp() {
      provider = Peers.otel(sink);
      tracer = provider.get("bench");
    }

    @TearDown
    public void tearDown() {
      Peers.close(provider);
      Report.print("otel", sink.count(), -1);
    }
  }

  /** A live OpenTelemetry parent per benchmark thread, as a context to pass explicitly. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class OtelParent {
    io.opentelemetry.api.trace.Span parent;
    Context context;

    @Setup
    public void setUp(Otel otel) {
      parent = otel.tracer.spanBuilder("parent").startSpan();
      context = Context.root().with(parent);
    }

    @TearDown
    public void tearDown() {
      parent.end();
    }
  }

  /** Brave with a counting handler. */
  @State(org.openjdk.jmh.annotations.Scope.Benchmark)
  public static class Brave {
    final BraveCountingHandler sink = new BraveCountingHandler();
    Tracing tracing;
    brave.Tracer tracer;

    @Setup
    public void setUp() {
      tracing = Peers.brave(sink);
      tracer = tracing.tracer();
    }

    @TearDown
    public void tearDown() {
      tracing.close();
      Report.print("brave", sink.count(), -1);
    }
  }

  /** A live Brave parent per benchmark thread. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class BraveParent {
    brave.Span parent;

    @Setup
    public void setUp(Brave b) {
      parent = b.tracer.newTrace().name("parent").start();
    }

    @TearDown
    public void tearDown() {
      parent.finish();
    }
  }

  /** The ideal recorder, one per thread, with a live parent. */
  @State(org.openjdk.jmh.annotations.Scope.Thread)
  public static class Floor {
    final IdealRecorder recorder = new IdealRecorder();
    IdealRecorder.IdealSpan parent;

    @Setup
    public void setUp() {
      parent = recorder.startCurrent("parent");
    }

    @TearDown
    public void tearDown() {
      recorder.endCurrent(parent);
    }
  }

  @Benchmark
  public Span full_ours(Ours ours) {
    return Work.full(ours.tracer);
  }

  @Benchmark
  public io.opentelemetry.api.trace.Span full_otel(Otel otel) {
    return Work.full(otel.tracer);
  }

  @Benchmark
  public ScopedSpan full_brave(Brave b) {
    return Work.full(b.tracer);
  }

  @Benchmark
  public IdealRecorder.IdealSpan full_floor(Floor floor) {
    IdealRecorder.IdealSpan span = floor.recorder.startCurrent("op");
    span.attribute(METHOD_KEY, METHOD).attribute(STATUS_KEY, STATUS).event(EVENT);
    floor.recorder.endCurrent(span);
    return span;
  }

  @Benchmark
  public Span server_ours(Ours ours) {
    return Work.server(ours.tracer);
  }

  @Benchmark
  public Span serverAttributes_ours(Ours ours) {
    return Work.serverAttributes(ours.tracer);
  }

  @Benchmark
  public Span child_ours(Ours ours, OursParent parent) {
    Span span = ours.tracer.startSpan("child", SpanKind.INTERNAL, parent.context, Map.of());
    span.setAttribute(METHOD_KEY, METHOD);
    span.setAttribute(STATUS_KEY, STATUS);
    span.finish();
    return span;
  }

  @Benchmark
  public Span child_ours_ofCurrent(Ours ours, OursCurrentParent parent) {
    Span span = ours.tracer.startSpan("child");
    span.setAttribute(METHOD_KEY, METHOD);
    span.setAttribute(STATUS_KEY, STATUS);
    span.finish();
    return span;
  }

  @Benchmark
  public io.opentelemetry.api.trace.Span child_otel(Otel otel, OtelParent parent) {
    io.opentelemetry.api.trace.Span span =
        otel.tracer.spanBuilder("child").setParent(parent.context).startSpan();
    span.setAttribute(OTEL_METHOD, METHOD);
    span.setAttribute(OTEL_STATUS, STATUS);
    span.end();
    return span;
  }

  @Benchmark
  public brave.Span child_brave(Brave b, BraveParent parent) {
    brave.Span span = b.tracer.newChild(parent.parent.context()).name("child").start();
    span.tag(METHOD_KEY, METHOD);
    span.tag(STATUS_KEY, STATUS_TEXT);
    span.finish();
    return span;
  }

  @Benchmark
  public IdealRecorder.IdealSpan child_floor(Floor floor) {
    IdealRecorder.IdealSpan span = floor.recorder.startChild("child", floor.parent);
    span.attribute(METHOD_KEY, METHOD).attribute(STATUS_KEY, STATUS);
    floor.recorder.end(span);
    return span;
  }
}

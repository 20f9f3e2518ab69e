package org.codomyrmex.tracing.bench;

import java.util.concurrent.TimeUnit;
import org.codomyrmex.tracing.Span;
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
 * The {@code full} span of {@link CoreTracerBenchmark} with log correlation on and off, in one run:
 * the ratio is the cost of writing the ids into the MDCs present. Which MDCs are present is the
 * class path's doing: run it through {@code benchmarks/log-correlation.sh} (Logback, JBoss
 * LogManager, both, none).
 *
 * <pre>{@code benchmarks/log-correlation.sh logback -f 2 -prof gc}</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LogCorrelationBenchmark {
  private static final String[] MDC_CLASSES = {
    "org.jboss.logging.MDC",
    "org.jboss.logmanager.MDC",
    "org.slf4j.MDC",
    "ch.qos.logback.classic.LoggerContext",
    "org.apache.logging.log4j.ThreadContext"
  };

  /** A tracer created with {@code tracing.log-correlation} set to {@link #correlation}. */
  @State(org.openjdk.jmh.annotations.Scope.Benchmark)
  public static class Correlated {
    @Param({"true", "false"})
    public String correlation;

    final CountingExporter sink = new CountingExporter();
    Tracer tracer;

    @Setup
    public void setUp() {
      System.setProperty("tracing.log-correlation", correlation);
      tracer = Tracer.create("bench", sink);
      System.err.println("logging classes present: " + present());
    }

    @TearDown
    public void tearDown() {
      tracer.flush();
      Report.print("correlation=" + correlation, sink.count(), tracer.droppedSpans());
    }
  }

  @Benchmark
  public Span full(Correlated state) {
    return Work.full(state.tracer);
  }

  private static String present() {
    StringBuilder names = new StringBuilder();
    for (String name : MDC_CLASSES) {
      try {
        Class.forName(name, false, LogCorrelationBenchmark.class.getClassLoader());
        names.append(names.length() == 0 ? "" : ", ").append(name);
      } catch (ClassNotFoundException e) {
        // absent: the point of the run without logging libraries
      }
    }
    return names.length() == 0 ? "none" : names.toString();
  }
}

package org.codomyrmex.tracing.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.codomyrmex.tracing.Span;
import org.codomyrmex.tracing.Tracer;

/**
 * The {@code full} span with log correlation on and off, alternating in one JVM and timed in this
 * thread's CPU time: on a shared, loaded machine wall-clock averages mostly measure the scheduler.
 * Creating a tracer installs or removes the listener, so each round creates one with the setting;
 * the switch can make the JIT recompile the scope code, which the median rides out.
 *
 * <pre>{@code benchmarks/log-correlation.sh logback --cpu}</pre>
 */
public final class LogCorrelationCpuTime {
  private static final int SPANS_PER_BATCH = 1_000_000;
  private static final int WARMUP_ROUNDS = 10;
  private static final int ROUNDS = 30;
  private static volatile Object sink;

  private LogCorrelationCpuTime() {}

  /** Prints CPU ns per span, on and off: mean, standard deviation and median over the rounds. */
  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] on = new double[ROUNDS];
    double[] off = new double[ROUNDS];
    for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
      double correlated = batch(threads, true);
      double plain = batch(threads, false);
      if (round >= 0) {
        on[round] = correlated;
        off[round] = plain;
      }
    }
    double[] ratios = new double[ROUNDS];
    Arrays.setAll(ratios, i -> on[i] / off[i]);
    System.out.printf(
        "full span, CPU ns/op over %d rounds of %d: correlation on %s, off %s, ratio %s%n",
        ROUNDS, SPANS_PER_BATCH, summary(on), summary(off), summary(ratios));
  }

  private static double batch(ThreadMXBean threads, boolean correlation) {
    System.setProperty("tracing.log-correlation", String.valueOf(correlation));
    CountingExporter exporter = new CountingExporter();
    Tracer tracer = Tracer.create("cpu-" + correlation, exporter);
    long start = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < SPANS_PER_BATCH; i++) {
      Span span = Work.full(tracer);
      sink = span;
    }
    long used = threads.getCurrentThreadCpuTime() - start;
    tracer.shutdown();
    return (double) used / SPANS_PER_BATCH;
  }

  private static String summary(double[] values) {
    double mean = Arrays.stream(values).average().orElse(Double.NaN);
    double variance = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / values.length;
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    return String.format("%.2f +- %.2f (median %.2f)", mean, Math.sqrt(variance), median);
  }
}

package org.codomyrmex.tracing.bench.jaxrs.app;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * Counts the resource's calls, and those that ran inside a recording span of the mode's tracing
 * library: the proof, where a mode exports nothing, that it traced every request.
 */
final class RequestCounts {
  /** System property naming the probe: {@code none}, {@code ours} or {@code otel}. */
  static final String PROBE_PROPERTY = "bench.probe";

  private static final LongAdder REQUESTS = new LongAdder();
  private static final LongAdder IN_SPAN = new LongAdder();
  private static final BooleanSupplier IN_RECORDING_SPAN =
      probe(System.getProperty(PROBE_PROPERTY));

  private RequestCounts() {}

  static void count() {
    REQUESTS.increment();
    if (IN_RECORDING_SPAN.getAsBoolean()) {
      IN_SPAN.increment();
    }
  }

  /** Returns the line the harness reads after the server stopped. */
  static String report() {
    return "requests=" + REQUESTS.sum() + " inSpan=" + IN_SPAN.sum();
  }

  // The probes name their library's API, so each loads only in its own mode.
  private static BooleanSupplier probe(String name) {
    if (name == null || name.equals("none")) {
      return () -> false;
    }
    String className = name.equals("ours") ? "OursProbe" : "OtelProbe";
    try {
      return (BooleanSupplier)
          Class.forName(RequestCounts.class.getPackageName() + "." + className)
              .getDeclaredConstructor()
              .newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(PROBE_PROPERTY + ": no probe " + name, e);
    }
  }
}

package org.codomyrmex.tracing;

/**
 * Decides, once per trace at its root span, whether the trace is recorded.
 *
 * <p>Only a root span (no local or remote parent) asks the sampler; every other span follows its
 * parent's decision. A trace that is not recorded still propagates its ids, with {@code X-Sampled:
 * false}. The method runs on every root span: it must be cheap and thread-safe.
 *
 * <pre>{@code
 * Tracer tracer = Tracer.create("checkout", exporter, Sampler.ratio(0.1)); // 10 % of traces
 * Sampler custom = (high, low, name, kind, start) -> !name.startsWith("GET /health");
 * }</pre>
 */
@FunctionalInterface
public interface Sampler {

  /**
   * Returns whether the trace that starts with this root span is recorded.
   *
   * @param traceIdHigh the first 16 hex digits of the new trace id, as a long
   * @param traceIdLow the last 16 hex digits of the new trace id (its random part), as a long
   * @param spanName the root span's name
   * @param kind the root span's kind
   * @param startEpochNanos the root span's start, nanoseconds since the epoch (monotonic per
   *     tracer)
   */
  boolean shouldSample(
      long traceIdHigh, long traceIdLow, String spanName, SpanKind kind, long startEpochNanos);

  /** Records every trace (the default). */
  static Sampler always() {
    return FixedSampler.ALWAYS;
  }

  /** Records no trace; ids still propagate. */
  static Sampler never() {
    return FixedSampler.NEVER;
  }

  /**
   * Records the fraction {@code ratio} (0.0 to 1.0) of new traces, decided by the trace id alone:
   * every service with the same ratio keeps the same traces.
   */
  static Sampler ratio(double ratio) {
    return new RatioSampler(ratio);
  }

  /** Records at most about {@code tracesPerSecond} new traces a second (at least 1), spread out. */
  static Sampler rateLimited(int tracesPerSecond) {
    return new RateLimitedSampler(tracesPerSecond);
  }
}

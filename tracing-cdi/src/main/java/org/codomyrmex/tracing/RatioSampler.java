package org.codomyrmex.tracing;

/**
 * {@link Sampler#ratio(double)}: keeps a trace when the absolute value of its id's random part is
 * below {@code ratio * Long.MAX_VALUE}, the rule OpenTelemetry's trace-id ratio sampler uses, so a
 * trace is kept or dropped alike by every service with the same ratio.
 */
final class RatioSampler implements Sampler {
  private final double ratio;
  private final long bound;

  RatioSampler(double ratio) {
    if (!(ratio >= 0.0 && ratio <= 1.0)) { // also refuses NaN
      throw new IllegalArgumentException("ratio must be from 0.0 to 1.0, was " + ratio);
    }
    this.ratio = ratio;
    this.bound = ratio == 0.0 ? Long.MIN_VALUE : (long) (ratio * Long.MAX_VALUE);
  }

  @Override
  public boolean shouldSample(
      long traceIdHigh, long traceIdLow, String spanName, SpanKind kind, long startEpochNanos) {
    // 1.0 keeps every trace, also the one id of 2^64 that the rule alone would miss.
    return Math.abs(traceIdLow) < bound || ratio == 1.0;
  }

  double ratio() {
    return ratio;
  }

  @Override
  public String toString() {
    return "ratio(" + ratio + ')';
  }
}

package org.codomyrmex.tracing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;

/**
 * {@link Sampler#rateLimited(int)}: at most one new trace per {@code 1/n} second, with a tolerance
 * of a tenth of a second after a quiet spell (the generic cell-rate algorithm).
 *
 * <p>A refusal only reads the shared state, so threads over the budget do not contend.
 */
final class RateLimitedSampler implements Sampler {
  private static final VarHandle NEXT;
  private static final long TOLERANCE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  static {
    try {
      NEXT = MethodHandles.lookup().findVarHandle(RateLimitedSampler.class, "next", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final int tracesPerSecond;
  private final long intervalNanos;

  // The earliest time the next trace is due at the steady rate; through NEXT.
  @SuppressWarnings("unused")
  private volatile long next = Long.MIN_VALUE;

  RateLimitedSampler(int tracesPerSecond) {
    if (tracesPerSecond < 1) {
      throw new IllegalArgumentException("rate must be at least 1, was " + tracesPerSecond);
    }
    this.tracesPerSecond = tracesPerSecond;
    this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / tracesPerSecond;
  }

  @Override
  public boolean shouldSample(
      long traceIdHigh, long traceIdLow, String spanName, SpanKind kind, long startEpochNanos) {
    while (true) {
      long due = (long) NEXT.getVolatile(this);
      if (due != Long.MIN_VALUE && due - startEpochNanos > TOLERANCE_NANOS) {
        return false;
      }
      long after =
          (due == Long.MIN_VALUE || due - startEpochNanos < 0 ? startEpochNanos : due)
              + intervalNanos;
      if (NEXT.compareAndSet(this, due, after)) {
        return true;
      }
    }
  }

  @Override
  public String toString() {
    return "rateLimited(" + tracesPerSecond + ')';
  }
}

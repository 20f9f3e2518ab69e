package org.codomyrmex.tracing;

import java.time.Instant;

/** Wall-clock time from one anchor plus the monotonic clock: one cheap clock read per timestamp. */
final class AnchoredClock {
  private final long epochNanosAnchor;
  private final long nanoTimeAnchor;

  private AnchoredClock(long epochNanosAnchor, long nanoTimeAnchor) {
    this.epochNanosAnchor = epochNanosAnchor;
    this.nanoTimeAnchor = nanoTimeAnchor;
  }

  static AnchoredClock create() {
    Instant now = Instant.now();
    long nanoTime = System.nanoTime();
    return new AnchoredClock(now.getEpochSecond() * 1_000_000_000L + now.getNano(), nanoTime);
  }

  long nowEpochNanos() {
    return epochNanosAnchor + (System.nanoTime() - nanoTimeAnchor);
  }
}
